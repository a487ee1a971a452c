"""Tracking links: a short code that redirects to the brand's page with UTM parameters, made per
partnership or per deliverable.

- The destination is an absolute http(s) URL with a host and no user name or password in it.
- UTM parameters are added: those the brand gives win; otherwise the destination's own are kept,
  and the ones still missing take defaults (`utm_source=influencer`, `utm_medium=social`,
  `utm_campaign` the campaign's name as a slug (its id when not known yet), `utm_content` the
  deliverable's id, else the partnership's).
- A code is 7 random characters of [0-9A-Za-z], or the brand's own: 3 to 64 of [0-9A-Za-z_-].
  Codes are one namespace for every org (they are the public path /r/{code}).
"""

import re
import secrets
import string
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from uuid import UUID

from servicekit.errors import InvalidField

CODE_ALPHABET = string.digits + string.ascii_letters
CODE_LENGTH = 7
CUSTOM_CODE = re.compile(r"[0-9A-Za-z_-]{3,64}")
MAX_URL_LENGTH = 2_000
UTM_FIELDS = ("source", "medium", "campaign", "content", "term")
CLICK_ID_PARAMETER = "click_id"


@dataclass(frozen=True)
class TrackingLink:
    id: UUID
    tenant_id: UUID
    code: str
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    deliverable_id: UUID | None
    destination_url: str  # as the brand gave it
    target_url: str  # with the UTM parameters: where the redirect sends
    active: bool
    created_at: datetime
    updated_at: datetime


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def check_code(code: str, field: str = "code") -> str:
    if not CUSTOM_CODE.fullmatch(code):
        raise InvalidField(field, "3 to 64 characters of 0-9, A-Z, a-z, _ and -")
    return code


def check_destination(url: str, field: str = "destination_url") -> str:
    if len(url) > MAX_URL_LENGTH:
        raise InvalidField(field, f"at most {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidField(field, "not a URL") from None
    if parts.scheme not in ("http", "https"):
        raise InvalidField(field, "an absolute http or https URL")
    if not parts.hostname or (port is not None and not 0 < port < 65536):
        raise InvalidField(field, "names no host")
    if parts.username is not None or parts.password is not None:
        raise InvalidField(field, "must not hold a user name or password")
    if any(c.isspace() for c in url):
        raise InvalidField(field, "must not hold white space")
    return url


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100]


def with_parameters(url: str, parameters: dict[str, str], *, keep_existing: bool) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {name for name, _ in query}
    if keep_existing:
        added = [(k, v) for k, v in parameters.items() if k not in present]
        query += added
    else:
        query = [(k, v) for k, v in query if k not in parameters] + list(parameters.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def target_url(
    destination: str,
    utm: dict[str, str],
    *,
    campaign: str,
    content: str,
) -> str:
    """The destination with its UTM parameters (see the module's rules)."""
    given = {f"utm_{name}": value for name, value in utm.items() if value}
    url = with_parameters(destination, given, keep_existing=False) if given else destination
    if CLICK_ID_PARAMETER in dict(parse_qsl(urlsplit(url).query, keep_blank_values=True)):
        raise InvalidField("destination_url", f"must not hold {CLICK_ID_PARAMETER}: each click adds its own")
    defaults = {
        "utm_source": "influencer",
        "utm_medium": "social",
        "utm_campaign": campaign,
        "utm_content": content,
    }
    url = with_parameters(url, defaults, keep_existing=True)
    if len(url) > MAX_URL_LENGTH:
        raise InvalidField("destination_url", f"with its UTM parameters over {MAX_URL_LENGTH} characters")
    return url


def click_url_parts(url: str) -> tuple[str, str]:
    """(head, tail) such that head + click_id + tail is `with_click_id(url, click_id)`: worked
    out once per link, not per click."""
    marker = "\x00"
    head, _, tail = with_click_id(url, marker).partition(marker)
    return head, tail


def with_click_id(url: str, click_id: str) -> str:
    """Where one click is sent: the link's target with the click's id for the shop to report."""
    separator = "&" if urlsplit(url).query else "?"
    base, hash_mark, fragment = url.partition("#")
    if not urlsplit(url).query and base.endswith("?"):
        separator = ""
    return f"{base}{separator}{CLICK_ID_PARAMETER}={click_id}{hash_mark}{fragment}"
