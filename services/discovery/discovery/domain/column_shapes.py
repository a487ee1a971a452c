"""What a column's values look like, for the column mapping to read besides its header: handles
or names, exact or abbreviated figures, and how far apart two figures of one count may be."""

import re
from collections.abc import Iterable, Sequence
from typing import Any

from discovery.domain.numbers import is_missing
from discovery.domain.profiles import Platform

# The characters each platform allows in a handle (a leading @ aside).
_HANDLE_SHAPES = {
    Platform.INSTAGRAM: re.compile(r"@?[A-Za-z0-9._]{1,30}"),
    Platform.TIKTOK: re.compile(r"@?[A-Za-z0-9._]{2,24}"),
    Platform.YOUTUBE: re.compile(r"@?[A-Za-z0-9._\-]{3,100}"),
    Platform.X: re.compile(r"@?[A-Za-z0-9_]{1,15}"),
    Platform.TWITCH: re.compile(r"@?[A-Za-z0-9_]{3,25}"),
    Platform.BLOG: re.compile(r"[A-Za-z0-9.\-/:]{3,200}"),
}
_ANY_HANDLE = re.compile(r"@?[\w.\-]{1,100}")
_PLAIN_FIGURE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_ABBREVIATED = re.compile(r"[+-]?(\d+)(?:[.,](\d+))?\s*([kmb])", re.IGNORECASE)
_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}


def texts(values: Iterable[Any]) -> list[str]:
    """The sample cells that hold something, as text."""
    return [str(v).strip() for v in values if not is_missing(v) and str(v).strip()]


def handle_share(values: Sequence[str], platform: Platform | None) -> float:
    """The share of cells shaped as the platform's handles (no spaces, its allowed characters)."""
    if not values:
        return 0.0
    shape = _HANDLE_SHAPES.get(platform, _ANY_HANDLE) if platform else _ANY_HANDLE
    return sum(1 for v in values if shape.fullmatch(v)) / len(values)


def number_share(values: Sequence[str]) -> float:
    """The share of cells that are figures (plain or abbreviated): such a column names nobody."""
    if not values:
        return 0.0
    return sum(1 for v in values if _PLAIN_FIGURE.fullmatch(v.replace(",", "")) or _ABBREVIATED.fullmatch(v)) / len(
        values
    )


def exact_share(values: Sequence[str]) -> float:
    """The share of cells written as whole figures (`13800000`, `13,800,000`), not abbreviated (`13.8M`)."""
    if not values:
        return 0.0
    return sum(1 for v in values if _PLAIN_FIGURE.fullmatch(v.replace(",", "").replace(" ", ""))) / len(values)


def rounding_of(written: object) -> float:
    """How far the figure written may be from the exact one: a unit of its last digit (`13.8M`:
    100,000), as exports round or cut abbreviated figures."""
    if not isinstance(written, str):
        return 0.5
    match = _ABBREVIATED.fullmatch(written.strip())
    if match is None:
        return 1.0
    decimals = len(match.group(2) or "")
    return _SCALES[match.group(3).lower()] / 10**decimals
