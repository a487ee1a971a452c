from pydantic import BaseModel, ConfigDict, Field


class Money(BaseModel):
    """An amount in integer minor units (cents) of an ISO 4217 currency; never a float."""

    model_config = ConfigDict(frozen=True)

    amount_minor: int = Field(ge=0, description="Amount in minor units, e.g. cents")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code", examples=["USD"])
