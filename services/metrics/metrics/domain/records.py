"""What metrics keeps of other services' objects and of its own, as the application handles them."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from contracts import FeeKind


@dataclass(frozen=True)
class KnownPartnership:
    """A partnership as partnerships' events told it."""

    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    influencer_id: UUID
    state: str
    state_at: datetime
    fee_kind: FeeKind | None = None
    fee_minor: int | None = None
    fee_currency: str | None = None
    commission_rate_bps: int | None = None
    signed_at: datetime | None = None
    commission_minor: int = 0
    commission_at: datetime | None = None


@dataclass(frozen=True)
class Post:
    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    deliverable_id: UUID
    platform: str
    url: str
    external_id: str | None
    published_at: datetime


@dataclass(frozen=True)
class Amplification:
    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    partnership_id: UUID
    deliverable_id: UUID
    post_id: UUID | None
    kind: str
    spend_minor: int
    currency: str
    told_at: datetime


@dataclass(frozen=True)
class PromoCode:
    id: UUID
    tenant_id: UUID
    code: str
    campaign_id: UUID
    partnership_id: UUID
    influencer_id: UUID
    created_at: datetime


@dataclass(frozen=True)
class ConversionRecord:
    """An order as stored, with how it was attributed."""

    id: UUID
    tenant_id: UUID
    order_id: str
    amount_minor: int
    currency: str
    occurred_at: datetime
    received_at: datetime
    click_id: str | None
    promo_code: str | None
    method: str
    reason: str | None
    campaign_id: UUID | None
    partnership_id: UUID | None
    influencer_id: UUID | None
    link_id: UUID | None
    deliverable_id: UUID | None
    net_minor: int
    cancelled: bool


def normalize_promo_code(code: str) -> str:
    """Shops report codes in any case: they are compared upper-cased, without surrounding blanks."""
    return code.strip().upper()
