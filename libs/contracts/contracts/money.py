from typing import Annotated

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# The ceiling of one amount: exact in a JavaScript number (< 2**53), and a thousand of them still
# add up within a 64-bit column. Ten trillion of a currency's major unit: no campaign is larger.
MAX_AMOUNT_MINOR = 10**15

# ISO 4217 reserves these for no currency, testing, precious metals and bond-market units.
_NOT_MONEY = frozenset({"XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD"})
CURRENCIES: frozenset[str] = frozenset(str(c.alpha_3) for c in pycountry.currencies) - _NOT_MONEY
"""The active ISO 4217 currency codes (pycountry's list), metals and test codes left out."""


def _known(code: str) -> str:
    if code not in CURRENCIES:
        raise ValueError(f"{code!r} is not an active ISO 4217 currency code")
    return code


Currency = Annotated[
    str,
    Field(
        min_length=3,
        max_length=3,
        pattern=r"^[A-Z]{3}$",
        description="An active ISO 4217 code",
        examples=["EUR"],
        json_schema_extra={"enum": sorted(CURRENCIES)},
    ),
    AfterValidator(_known),
]
"""A currency a caller names: an active ISO 4217 code, upper case."""


# As the services write it (events, answers), read without judging old data: requests take
# servicekit's MoneyIn, which holds the currency to CURRENCIES and the amount to MAX_AMOUNT_MINOR.
class Money(BaseModel):
    """An amount in integer minor units (cents) of an ISO 4217 currency; never a float."""

    model_config = ConfigDict(frozen=True)

    amount_minor: int = Field(ge=0, description="Amount in minor units, e.g. cents")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code", examples=["USD"])
