"""Numbers as people write them in exports: `475.8m`, `3.3k`, `1,234`, `2.28E+11`, `1.39%`, `$1.2k`."""

import math
import re

MISSING = frozenset({"", "nan", "nan%", "none", "null", "n/a", "na", "-", "--", "—", "–", "?"})
# Quotes around a cell (`N/A'`) are the spreadsheet's marks for text, not part of the value.
QUOTES = "'\"`"


def is_sheet_error(text: str) -> bool:
    """A spreadsheet's error value as exports keep it: `#VALUE!`, `#VALOR!`, `#N/A`, `#DIV/0!`, `#REF!`,
    `#NAME?` (in any language)."""
    return text[:1] == "#" and (text[-1:] in "!?" or text.upper().replace("/", "") in ("#NA", "#NV", "#ND"))


_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "t": 1e12,
}
_SUFFIX_SCALES = {c: _SUFFIXES[c.lower()] for c in "kKmMbB"}
_NUMBER = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]*)$")
_THOUSANDS_WITH_COMMA = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DIGIT_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'_")

# ISO 4217 currencies whose minor unit is not a hundredth.
_MINOR_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2, "KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "r$": "BRL"}
_SYMBOLS_LONGEST_FIRST = sorted(_CURRENCY_SYMBOLS.items(), key=lambda item: -len(item[0]))


class NumberFormatError(ValueError):
    """A cell that is not a number in any format we read."""


def is_missing(raw: object) -> bool:
    if raw is None or raw == "":
        return True
    if isinstance(raw, float):
        return math.isnan(raw)
    return isinstance(raw, str) and len(raw) < 8 and raw.strip().strip(QUOTES).lower() in MISSING


def _normalise_separators(text: str) -> str:
    """Decides which of `,` and `.` is the decimal mark: the last one when both appear; a lone comma
    is a thousands separator only in groups of three digits (`1,234`), otherwise a decimal comma."""
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if "," in text:
        if _THOUSANDS_WITH_COMMA.match(text):
            return text.replace(",", "")
        if text.count(",") == 1:
            return text.replace(",", ".")
        raise NumberFormatError(f"{text!r} is not a number")
    if text.count(".") > 1 and re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+", text):
        return text.replace(".", "")
    return text


def parse_number(raw: object) -> float | None:
    """A finite float, or None for an empty or explicitly missing cell (`nan`, `N/A`, `-`)."""
    if raw is None or isinstance(raw, bool):
        if raw is None:
            return None
        raise NumberFormatError(f"{raw!r} is not a number")
    if isinstance(raw, str):
        # The common cases first, without raising: 1234, 2.28E+11, then 12.3k, 475.8m (and no
        # attempt at what float() never reads: 1,234).
        if "," in raw:
            # 1,234 as most exports write it, without the general path; 1.234,5 and the rest by it.
            value = float(raw.replace(",", "")) if _THOUSANDS_WITH_COMMA.match(raw) else _parse_text(raw)
        else:
            scale = _SUFFIX_SCALES.get(raw[-1:])
            try:
                value = float(raw) if scale is None else float(raw[:-1]) * scale
            except ValueError:
                value = _parse_text(raw)
        if value is None:
            return None
    elif isinstance(raw, int | float):
        value = float(raw)
    else:
        raise NumberFormatError(f"{raw!r} is not a number")
    if math.isnan(value):
        return None
    if not math.isfinite(value):
        raise NumberFormatError(f"{raw!r} is not a finite number")
    return value


def _parse_text(raw: str) -> float | None:
    text = raw.strip()
    if text.strip(QUOTES).lower() in MISSING:
        return None
    if is_sheet_error(text):
        raise NumberFormatError(f"{text!r} is a spreadsheet error")
    return _parse_written(text)


def _parse_written(text: str) -> float:
    lowered = text.lower()
    suffix = lowered[-1:]
    if suffix in ("k", "m", "b"):  # the common case of exports: 12.3k, 475.8m
        try:
            return float(lowered[:-1]) * _SUFFIXES[suffix]
        except ValueError:
            pass
    normalised = _normalise_separators(lowered.translate(_DIGIT_SPACES))
    match = _NUMBER.match(normalised)
    if match is None:
        if text.endswith("%"):  # rates are read by parse_rate; here a column was mapped amiss
            raise NumberFormatError(f"{text!r} is a percentage, not a count or an amount")
        raise NumberFormatError(f"{text!r} is not a number")
    digits, suffix = match.groups()
    if suffix and suffix not in _SUFFIXES:
        raise NumberFormatError(f"{text!r} has an unknown suffix {suffix!r}")
    return float(digits) * _SUFFIXES.get(suffix, 1.0)


def parse_count(raw: object) -> int | None:
    """A non-negative whole count: followers, posts. `3.3k` is 3300; `475.8m` is 475,800,000."""
    # Whole numbers as written are read exactly (a float has 53 bits: 2**63 - 1 would round up).
    if isinstance(raw, str) and raw.isdigit() and raw.isascii():
        return int(raw)
    if type(raw) is int:
        if raw < 0:
            raise NumberFormatError(f"{raw!r} is negative")
        return raw
    value = parse_number(raw)
    if value is None:
        return None
    if value < 0:
        raise NumberFormatError(f"{raw!r} is negative")
    return round(value)


def parse_average(raw: object) -> float | None:
    """A non-negative average per post (may be fractional)."""
    value = parse_number(raw)
    if value is None:
        return None
    if value < 0:
        raise NumberFormatError(f"{raw!r} is negative")
    return value


def parse_rate(raw: object) -> float | None:
    """A rate as a fraction: `1.39%` is 0.0139. Without a percent sign a value above 1 is read as a
    percentage (an `engagement rate` column holding `1.39` means 1.39 %), one at most 1 as a fraction."""
    percent = False
    if isinstance(raw, str):
        raw = raw.strip()
        percent = raw.endswith("%")
        value = parse_number(raw[:-1] if percent else raw)
    else:
        value = parse_number(raw)
    if value is None:
        return None
    if value < 0:
        raise NumberFormatError(f"{raw!r} is negative")
    # Rounded so that 3.14 % reads back as 0.0314, not 0.031400000000000004.
    return round(value / 100, 12) if percent or value > 1 else value


def minor_digits(currency: str) -> int:
    return _MINOR_DIGITS.get(currency.upper(), 2)


def parse_money(raw: object, default_currency: str) -> tuple[int, str] | None:
    """An amount in minor units and its currency: `$1,200` is (120000, USD), `1.5k EUR` is (150000, EUR)."""
    if is_missing(raw):
        return None
    currency = default_currency.upper()
    text = str(raw).strip()
    lowered = text.lower()
    for symbol, code in _SYMBOLS_LONGEST_FIRST:
        if lowered.startswith(symbol) or lowered.endswith(symbol):
            currency = code
            text = text[len(symbol) :] if lowered.startswith(symbol) else text[: -len(symbol)]
            break
    else:
        code_match = re.match(r"^([A-Za-z]{3})\s*(.+)$", text) or re.match(r"^(.+?)\s*([A-Za-z]{3})$", text)
        if code_match is not None:
            first, second = code_match.groups()
            code, amount = (first, second) if len(first) == 3 and first.isalpha() else (second, first)
            if code.lower() not in _SUFFIXES:
                currency, text = code.upper(), amount
    value = parse_number(text)
    if value is None:
        return None
    if value < 0:
        raise NumberFormatError(f"{raw!r} is negative")
    return round(value * 10 ** minor_digits(currency)), currency
