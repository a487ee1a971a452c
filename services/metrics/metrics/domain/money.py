"""Money across currencies: amounts in integer minor units, converted only with the exchange rates
an org supplies, each dated, and never mixed silently.

A rate says what one major unit of `base` is worth in `quote` from its `valid_on` date on. An
amount dated D in currency X is converted to Y with the org's X→Y rate of the latest `valid_on`
on or before D, else the inverse of its latest Y→X rate (the later of the two wins; on a tie the
direct one). With neither, the amount is not converted: it is reported apart, by currency, and
the figures that needed it are unknown. Amounts sharing a currency and a rate are added first,
then converted once, rounded half to even to the target's minor unit (ISO 4217 exponents:
JPY 0, EUR 2, KWD 3), so a total is rounded once per rate used.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID

import iso4217

# Rates are kept with up to this many decimal places; an inverse rate is computed to it.
RATE_PLACES = 12
_RATE_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)


def minor_exponent(currency: str) -> int:
    """Digits after the decimal point of `currency`'s minor unit (2 where ISO 4217 gives none)."""
    exponent = iso4217.Currency(currency).exponent
    return 2 if exponent is None else int(exponent)


@dataclass(frozen=True)
class ExchangeRate:
    id: UUID
    base: str
    quote: str
    rate: Decimal
    valid_on: date


@dataclass(frozen=True)
class AppliedRate:
    """The rate that converts `source` to `target` (the inverse of a stored rate when `inverse`)."""

    rate_id: UUID
    source: str
    target: str
    rate: Decimal
    valid_on: date
    inverse: bool = False


def convert_minor(amount_minor: int, rate: Decimal, source: str, target: str) -> int:
    scaled = Decimal(amount_minor) * rate * Decimal(10) ** (minor_exponent(target) - minor_exponent(source))
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def rate_text(rate: Decimal) -> str:
    """A rate as the API shows it: plain decimal text, no exponent, no trailing zeros."""
    text = format(rate.normalize(), "f")
    return text


class RateBook:
    """An org's exchange rates, asked for the one in force on a date."""

    def __init__(self, rates: Iterable[ExchangeRate]) -> None:
        self._by_pair: dict[tuple[str, str], list[ExchangeRate]] = defaultdict(list)
        for rate in rates:
            self._by_pair[(rate.base, rate.quote)].append(rate)
        for listed in self._by_pair.values():
            listed.sort(key=lambda r: r.valid_on)

    def _latest(self, base: str, quote: str, on: date) -> ExchangeRate | None:
        found = None
        for rate in self._by_pair.get((base, quote), ()):
            if rate.valid_on > on:
                break
            found = rate
        return found

    def rate(self, source: str, target: str, on: date) -> AppliedRate | None:
        direct = self._latest(source, target, on)
        reverse = self._latest(target, source, on)
        if reverse is not None and (direct is None or reverse.valid_on > direct.valid_on):
            inverted = (Decimal(1) / reverse.rate).quantize(_RATE_QUANTUM, rounding=ROUND_HALF_EVEN)
            return AppliedRate(reverse.id, source, target, inverted, reverse.valid_on, inverse=True)
        if direct is None:
            return None
        return AppliedRate(direct.id, source, target, direct.rate, direct.valid_on)


@dataclass(frozen=True)
class DatedAmount:
    """An amount (negative for money taken back: a refund) in `currency`, dated `on`."""

    amount_minor: int
    currency: str
    on: date


@dataclass(frozen=True)
class RateUse:
    """How much was converted with one rate."""

    rate: AppliedRate
    source_minor: int
    target_minor: int


@dataclass(frozen=True)
class Unconverted:
    currency: str
    amount_minor: int


@dataclass(frozen=True)
class Converted:
    """A total in the target currency, the rates it used, and what could not be converted."""

    currency: str
    amount_minor: int
    rates_used: tuple[RateUse, ...] = ()
    unconverted: tuple[Unconverted, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.unconverted

    @property
    def known_minor(self) -> int | None:
        """The total, or None when part of it could not be converted."""
        return self.amount_minor if self.complete else None


def convert_all(amounts: Iterable[DatedAmount], target: str, book: RateBook) -> Converted:
    same = 0
    by_rate: dict[AppliedRate, int] = defaultdict(int)
    missing: dict[str, int] = defaultdict(int)
    for amount in amounts:
        if amount.currency == target:
            same += amount.amount_minor
            continue
        applied = book.rate(amount.currency, target, amount.on)
        if applied is None:
            missing[amount.currency] += amount.amount_minor
        else:
            by_rate[applied] += amount.amount_minor
    uses = tuple(
        RateUse(applied, source, convert_minor(source, applied.rate, applied.source, target))
        for applied, source in sorted(by_rate.items(), key=lambda item: (item[0].source, item[0].valid_on))
    )
    unconverted = tuple(Unconverted(currency, total) for currency, total in sorted(missing.items()))
    return Converted(target, same + sum(u.target_minor for u in uses), uses, unconverted)


def merge(first: Converted, second: Converted) -> Converted:
    """Two totals in the same currency as one (their rate uses and gaps listed together)."""
    assert first.currency == second.currency
    unconverted: dict[str, int] = defaultdict(int)
    for gap in (*first.unconverted, *second.unconverted):
        unconverted[gap.currency] += gap.amount_minor
    return Converted(
        first.currency,
        first.amount_minor + second.amount_minor,
        first.rates_used + second.rates_used,
        tuple(Unconverted(c, a) for c, a in sorted(unconverted.items())),
    )
