"""Reading one cell of an export: text, lists, audience shares, prices, and what the database
would refuse of them."""

import re
from collections.abc import Mapping
from typing import Any

from discovery.domain.facts import FACTS, Kind
from discovery.domain.limits import MAX_COUNT, NUL, NUL_REFUSED, amount_too_large
from discovery.domain.numbers import MISSING, QUOTES, NumberFormatError, is_missing, parse_number, parse_rate
from discovery.domain.places import UnknownPlace, normalize_country, repair_mojibake
from discovery.domain.profiles import AGE_BUCKETS


class RowError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def read_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        if is_missing(value):
            return None
        value = str(value)
    text = value.strip()
    if not text or (len(text) < 8 and text.strip(QUOTES).lower() in MISSING):
        return None
    return repair_mojibake(text)


def read_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if not is_missing(v)]
    text = read_text(value)
    if text is None:
        return []
    return [part for part in _LIST_SEPARATORS.split(text) if part.strip()]


_LIST_SEPARATORS = re.compile(r"[,;|]")
_AGE_SPELLINGS = {b.replace(" ", ""): b for b in AGE_BUCKETS}
_GENDER_SPELLINGS = {"f": "female", "women": "female", "woman": "female", "m": "male", "men": "male", "man": "male"}


def _share(raw: Any) -> float | None:
    """A share as parse_rate reads it; a plain fraction (`0.354`) without the general path."""
    if isinstance(raw, str):
        try:
            share = float(raw)
        except ValueError:
            return parse_rate(raw)
        return share if 0.0 <= share <= 1.0 else parse_rate(raw)
    return parse_number(raw)


def read_shares(value: Any, field: str, *, keys: str) -> dict[str, float]:
    """`US:40%;GB:0.2` or a JSON object; country keys become ISO codes."""
    if isinstance(value, str):
        fast = _plain_shares(value, keys)
        if fast is not None:
            return fast
    return _any_shares(value, field, keys=keys)


def _any_shares(value: Any, field: str, *, keys: str) -> dict[str, float]:
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = []
        for part in read_list(value):
            if "=" in part:
                part = part.replace("=", ":")
            elif ":" not in part:
                raise RowError(field, f"{part.strip()!r} is not segment:share")
            key, _, share = part.rpartition(":")
            pairs.append((key.strip(), share.strip()))
    shares: dict[str, float] = {}
    for key, raw_share in pairs:
        try:
            share = _share(raw_share)
        except NumberFormatError as exc:
            raise RowError(f"{field}.{key}", str(exc)) from None
        if share is None:
            continue
        if keys == "country":
            try:
                code = normalize_country(key)
            except UnknownPlace as exc:
                raise RowError(field, str(exc)) from None
            if code is not None:
                shares[code] = shares.get(code, 0.0) + share
        else:
            shares[_segment(str(key), keys)] = share
    return shares


def _segment(key: str, keys: str) -> str:
    segment = key.strip().lower()
    if keys == "age":
        return _AGE_SPELLINGS.get(segment.replace(" ", ""), segment)
    if keys == "gender":
        return _GENDER_SPELLINGS.get(segment, segment)
    return segment


# Segment spellings already read, per kind of key: exports repeat a handful of them on every row.
_KNOWN_SEGMENTS: dict[str, dict[str, str]] = {"country": {}, "age": {}, "gender": {}}


def _plain_shares(value: str, keys: str) -> dict[str, float] | None:
    """The common form (`US:0.354;GB:0.2`: known segments, plain fractions, none twice) in one
    pass; None for anything else, which the general path reads and, if need be, refuses."""
    known = _KNOWN_SEGMENTS[keys]
    shares: dict[str, float] = {}
    for part in _LIST_SEPARATORS.split(value):
        key, colon, raw_share = part.rpartition(":")
        segment = known.get(key)
        if segment is None:
            if not colon or "=" in key or not key.strip():
                return None
            segment = _learn_segment(known, key, keys)
            if segment is None:
                return None
        try:
            share = float(raw_share)
        except ValueError:
            return None
        if not 0.0 <= share <= 1.0 or segment in shares:
            return None
        shares[segment] = share
    return shares


def _learn_segment(known: dict[str, str], key: str, keys: str) -> str | None:
    """The segment a key as written names (remembered), or None if it names none."""
    if keys == "country":
        try:
            segment = normalize_country(key.strip())
        except UnknownPlace:
            return None
    else:
        segment = _segment(key, keys)
    if segment is not None and len(known) < 1024:
        known[key] = segment
    return segment


CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")


def minor_units(field: str, amount: object, currency: object) -> tuple[int, str]:
    """A price given as `{"amount_minor": 9900, "currency": "EUR"}`."""
    code = str(currency).upper()
    if not CURRENCY_CODE.fullmatch(code):
        raise RowError(field, f"{code!r} is not an ISO 4217 code")
    try:
        minor = int(amount)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        raise RowError(field, f"{amount!r} is not an amount in minor units") from None
    return checked_money(field, (minor, code), amount)


def checked_money(field: str, money: tuple[int, str], written: object) -> tuple[int, str]:
    if money[0] > MAX_COUNT:
        raise RowError(field, amount_too_large(written))
    return money


_TEXTS = tuple(f.name for f in FACTS if f.kind in (Kind.NAME, Kind.TEXT))
_LISTS = tuple(f.name for f in FACTS if f.kind in (Kind.CATEGORIES, Kind.LIST))
_CONTACTS = tuple(f.name for f in FACTS if f.kind is Kind.CONTACT)


def refuse_nul(handle: str, facts: Mapping[str, Any]) -> None:
    """The first text fact holding a NUL character, as a RowError."""
    if NUL in handle:
        raise RowError("handle", NUL_REFUSED)
    for name in _TEXTS:
        if NUL in (facts.get(name) or ""):
            raise RowError(name, NUL_REFUSED)
    for name in _LISTS:
        if any(NUL in item for item in facts.get(name, ())):
            raise RowError(name, NUL_REFUSED)
    for name in _CONTACTS:
        contact = facts.get(name)
        if contact is not None and any(NUL in value for value in contact.as_dict().values()):
            raise RowError(name, NUL_REFUSED)
