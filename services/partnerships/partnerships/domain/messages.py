"""Messages on a partnership, and templates that fill in influencer and campaign fields.

A template's body names fields as `{{ influencer.name }}`; a template may only name known
fields, and a message is refused rather than sent with a blank where a field is unknown.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from contracts import Money
from partnerships.domain.campaigns import Campaign
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Partnership
from servicekit.errors import InvalidField

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

# ISO 4217 exponents that are not 2; the rest have cents.
_EXPONENTS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND"), 0),
    **dict.fromkeys(("VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}


def format_money(money: Money) -> str:
    """1234567 EUR -> "12,345.67 EUR", without floats."""
    exponent = _EXPONENTS.get(money.currency, 2)
    whole, fraction = divmod(money.amount_minor, 10**exponent)
    text = f"{whole:,}"
    if exponent:
        text += f".{fraction:0{exponent}d}"
    return f"{text} {money.currency}"


def _fee(_campaign: Campaign, partnership: Partnership) -> str | None:
    terms = partnership.terms
    if terms is None:
        return None
    if terms.fee.rate_bps is not None:
        return f"{terms.fee.rate_bps / 100:g}% commission (up to {format_money(terms.budgeted)})"
    return format_money(terms.budgeted)


def _deliverables(_campaign: Campaign, partnership: Partnership) -> str | None:
    if partnership.terms is None:
        return None
    return ", ".join(f"{d.count} x {d.platform} {d.type}" for d in partnership.terms.deliverables)


FIELDS: dict[str, Callable[[Campaign, Partnership], str | None]] = {
    "influencer.name": lambda c, p: p.influencer.display_name or p.influencer.handle,
    "influencer.handle": lambda c, p: p.influencer.handle,
    "influencer.platform": lambda c, p: p.influencer.platform,
    "campaign.name": lambda c, p: c.name,
    "campaign.objective": lambda c, p: c.objective.value,
    "campaign.starts_on": lambda c, p: c.starts_on.isoformat() if c.starts_on else None,
    "campaign.ends_on": lambda c, p: c.ends_on.isoformat() if c.ends_on else None,
    "partnership.collaboration_type": lambda c, p: (
        p.terms.collaboration_type.value.replace("_", " ") if p.terms else None
    ),
    "partnership.fee": _fee,
    "partnership.deliverables": _deliverables,
}


def placeholders(body: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER.finditer(body)]


def check_template_body(body: str, field: str = "body") -> None:
    unknown = sorted({name for name in placeholders(body) if name not in FIELDS})
    if unknown:
        raise InvalidField(field, f"unknown fields {unknown}; a template may use {sorted(FIELDS)}")


def render(body: str, campaign: Campaign, partnership: Partnership) -> str:
    check_template_body(body, "template_id")
    values = {name: FIELDS[name](campaign, partnership) for name in set(placeholders(body))}
    missing = sorted(name for name, value in values.items() if value is None)
    if missing:
        raise InvalidField("template_id", f"this partnership has no value yet for {missing}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)] or "", body)


@dataclass
class MessageTemplate:
    id: UUID
    tenant_id: UUID
    name: str
    body: str
    created_at: datetime
    updated_at: datetime

    @property
    def fields(self) -> list[str]:
        """The fields the body fills in."""
        return sorted(set(placeholders(self.body)))

    @classmethod
    def new(cls, *, tenant_id: UUID, name: str, body: str, now: datetime) -> "MessageTemplate":
        check_template_body(body)
        return cls(id=uuid4(), tenant_id=tenant_id, name=name, body=body, created_at=now, updated_at=now)


@dataclass(frozen=True)
class Message:
    id: UUID
    partnership_id: UUID
    tenant_id: UUID
    author: Party
    author_user_id: UUID | None
    body: str
    template_id: UUID | None
    created_at: datetime
