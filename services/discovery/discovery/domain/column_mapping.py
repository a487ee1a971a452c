"""Which column of an export holds which fact: headers as each tool names them."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from discovery.domain.facts import FACTS
from discovery.domain.profiles import PLATFORMS, Deliverable, Platform
from servicekit.errors import InvalidField

RATE_FIELDS = tuple(f"rate_card.{d.value}" for d in Deliverable)

# Import fields that are parts of a fact (each of them, or the fact whole, may be given), and
# their header spellings.
PART_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "audience": {
        "audience_countries": ("audiencecountries", "audiencecountry", "topcountries"),
        "audience_ages": ("audienceages", "audienceage", "agebuckets"),
        "audience_genders": ("audiencegenders", "audiencegender", "gendersplit"),
    },
    "rate_card": {
        "currency": ("currency", "ratecurrency", "pricecurrency"),
        **{
            field: (
                f"rate{d}",
                f"price{d}",
                f"{d}price",
                f"{d}rate",
                f"cost{d}",
                f"{d}cost",
                f"rateper{d}",
                f"priceper{d}",
            )
            for field, d in ((f"rate_card.{d.value}", d.value) for d in Deliverable)
        },
    },
    "contact": {
        "email": ("email", "contactemail", "mail", "emailaddress"),
        "phone": ("phone", "phonenumber", "telephone"),
        "website": ("website", "url", "link", "profileurl"),
        "agent": ("agent", "agency", "manager", "management"),
    },
}


def _field_aliases() -> dict[str, tuple[str, ...]]:
    """Each fact as an import names it (domain/facts.py), with its header spellings; after it the
    import fields that give it in parts, or as a total."""
    aliases: dict[str, tuple[str, ...]] = {}
    for fact in FACTS:
        aliases[fact.called] = fact.aliases
        if fact.total is not None:
            total, spellings = fact.total
            aliases[total] = tuple(spellings.split())
        aliases.update(PART_ALIASES.get(fact.name, {}))
    return aliases


# Import field -> header spellings, compared after `header_key` (lower case, letters and digits
# only: `#Followers` is `followers`, `Eng. (Avg.)` is `engavg`). Earlier spellings win.
FIELD_ALIASES = _field_aliases()
FIELDS = tuple(FIELD_ALIASES)
_WINDOWED_RATE = re.compile(r"^\d+d(ays?)?(eng|engagement)rate$")
_PLATFORM_ALIASES = {
    "ig": Platform.INSTAGRAM,
    "insta": Platform.INSTAGRAM,
    "yt": Platform.YOUTUBE,
    "twitter": Platform.X,
    "tt": Platform.TIKTOK,
    "blogs": Platform.BLOG,
    "website": Platform.BLOG,
}


def header_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.strip().lstrip("\ufeff").lower())


def parse_platform(raw: object) -> Platform:
    text = str(raw).strip().lower()
    found = PLATFORMS.get(text) or _PLATFORM_ALIASES.get(text)
    if found is None:
        raise ValueError(f"{raw!r} is not a platform; one of {', '.join(p.value for p in Platform)}")
    return found


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column feeds each canonical field, and the columns nothing reads."""

    fields: dict[str, str]
    unmapped: list[str]


def resolve_mapping(
    columns: Sequence[str], explicit: Mapping[str, str | None], *, platform_given: bool
) -> ColumnMapping:
    """Given mappings first (a column name, or null to leave a field unmapped), then automatic
    matching of the common header spellings. Raises InvalidField naming `mapping.<field>`."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(header_key(column), column)
    fields: dict[str, str] = {}
    disabled: set[str] = set()
    for field, column in explicit.items():
        if field not in FIELD_ALIASES:
            raise InvalidField(f"mapping.{field}", f"unknown field; one of {', '.join(FIELDS)}")
        if column is None:
            disabled.add(field)
            continue
        found = column if column in columns else by_key.get(header_key(column))
        if found is None:
            raise InvalidField(f"mapping.{field}", f"no column {column!r} in the file")
        fields[field] = found
    taken = set(fields.values())
    for field, aliases in FIELD_ALIASES.items():
        if field in fields or field in disabled:
            continue
        for alias in aliases:
            column = by_key.get(alias)
            if column is not None and column not in taken:
                fields[field] = column
                taken.add(column)
                break
    if "engagement_rate" not in fields and "engagement_rate" not in disabled:
        for column in columns:
            if column not in taken and _WINDOWED_RATE.match(header_key(column)):
                fields["engagement_rate"] = column
                taken.add(column)
                break
    if "handle" not in fields:
        raise InvalidField("mapping.handle", 'no column holds the handle; name it, e.g. mapping={"handle": "Username"}')
    if "followers" not in fields:
        raise InvalidField("mapping.followers", "no column holds the follower count; name it in mapping")
    if "platform" not in fields and not platform_given:
        raise InvalidField("platform", "the file has no platform column: give the platform of its profiles")
    return ColumnMapping(fields=fields, unmapped=[c for c in columns if c not in taken])
