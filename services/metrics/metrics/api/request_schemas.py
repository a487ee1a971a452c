"""What metrics accepts: strict request bodies (servicekit.schemas.RequestModel)."""

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Discriminator, Field, Tag, model_validator

from contracts.money import Currency
from metrics.domain.emv import EMV_ACTIONS
from metrics.domain.insights import ALL_NAMES, MAX_COUNT
from metrics.domain.links import MAX_URL_LENGTH
from servicekit.schemas import MoneyIn, RequestModel, raise_for

MAX_BATCH = 1_000
Label = Annotated[str, Field(min_length=1, max_length=100)]
OrderId = Annotated[str, Field(min_length=1, max_length=200, description="The shop's own id of the order")]
Code = Annotated[str, Field(min_length=3, max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]


class UtmIn(RequestModel):
    source: Label | None = None
    medium: Label | None = None
    campaign: Label | None = None
    content: Label | None = None
    term: Label | None = None


class TrackingLinkCreate(RequestModel):
    partnership_id: UUID
    deliverable_id: UUID | None = Field(default=None, description="A link for one deliverable (else the partnership's)")
    destination_url: Annotated[
        str, Field(min_length=1, max_length=MAX_URL_LENGTH, examples=["https://shop.example/p/1"])
    ]
    utm: UtmIn | None = Field(default=None, description="UTM parameters; those left out take defaults")
    code: Code | None = Field(default=None, description="A code of your own (else 7 random characters)")


class PromoCodeCreate(RequestModel):
    code: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_.-]+$")]
    partnership_id: UUID


class ConversionIn(RequestModel):
    """An order, or a refund or cancellation of one (`type`)."""

    type: Literal["order", "refund", "cancellation"] = "order"
    order_id: OrderId
    amount: MoneyIn | None = Field(
        default=None,
        description="The order's amount, or what a refund gives back; a cancellation takes all that remains",
    )
    occurred_at: datetime = Field(description="RFC 3339 with its offset (Z for UTC)")
    click_id: Annotated[str, Field(max_length=100)] | None = Field(
        default=None, description="The click_id the tracking link added to the shop's URL"
    )
    promo_code: Annotated[str, Field(max_length=64)] | None = None
    adjustment_id: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        default=None, description="The refund's or cancellation's own id (a refund needs one)"
    )

    @model_validator(mode="after")
    def _fields_of_its_type(self) -> "ConversionIn":
        errors = []
        if self.type in ("order", "refund") and self.amount is None:
            errors.append(
                ("amount", f"an {self.type} needs its amount" if self.type == "order" else "a refund needs its amount")
            )
        if self.type in ("order", "refund") and self.amount is not None and self.amount.amount_minor == 0:
            errors.append(("amount.amount_minor", "must be above zero"))
        if self.type == "refund" and self.adjustment_id is None:
            errors.append(("adjustment_id", "a refund needs its own id"))
        if self.type != "order":
            for name in ("click_id", "promo_code"):
                if getattr(self, name) is not None:
                    errors.append((name, "only an order is attributed"))
        raise_for(errors)
        return self


class ConversionBatch(RequestModel):
    items: Annotated[list[ConversionIn], Field(min_length=1, max_length=MAX_BATCH)]


def _single_or_batch(value: object) -> str:
    return "batch" if isinstance(value, dict) and "items" in value else "single"


ConversionReport = Annotated[
    Annotated[ConversionIn, Tag("single")] | Annotated[ConversionBatch, Tag("batch")], Discriminator(_single_or_batch)
]

# A count is a whole number; a duration (the platform's unit) may have decimals.
MetricValue = Annotated[int, Field(ge=0, le=MAX_COUNT)] | Annotated[float, Field(ge=0, le=MAX_COUNT)]
MetricName = Literal[ALL_NAMES]  # type: ignore[valid-type]


class SnapshotIn(RequestModel):
    """A post's cumulative numbers as observed at one time, in its platform's names."""

    observed_at: datetime = Field(description="RFC 3339 with its offset (Z for UTC)")
    metrics: Annotated[
        dict[MetricName, MetricValue],
        Field(min_length=1, max_length=50, description="By the post's platform's names (see the README's table)"),
    ]


class SnapshotBatch(RequestModel):
    items: Annotated[list[SnapshotIn], Field(min_length=1, max_length=MAX_BATCH)]


InsightReport = Annotated[
    Annotated[SnapshotIn, Tag("single")] | Annotated[SnapshotBatch, Tag("batch")], Discriminator(_single_or_batch)
]


class ExchangeRateCreate(RequestModel):
    base: Currency
    quote: Currency
    rate: Annotated[
        str,
        Field(
            pattern=r"^[0-9]{1,12}(\.[0-9]{1,12})?$",
            description='What one unit of `base` is worth in `quote`, as decimal text (e.g. "1.0842")',
            examples=["1.0842"],
        ),
    ]
    valid_on: date = Field(description="The first day the rate is in force")


EmvAction = Literal["impressions", "reach", "views", "likes", "comments", "shares", "saves", "clicks"]
assert set(EMV_ACTIONS) == set(EmvAction.__args__)  # type: ignore[attr-defined]


class EmvValuesIn(RequestModel):
    currency: Currency
    per_mille_minor: Annotated[
        dict[EmvAction, Annotated[int, Field(ge=0, le=10**9)]],
        Field(description="Value of a thousand actions, in minor units of `currency`"),
    ]


class CampaignMetricSettingsIn(RequestModel):
    attribution_window_days: int = Field(ge=1, le=365, description="How old a click may be to win an order")
