"""How much of a score rests on data: every score and each part of a ranked score says which of
its signals were assessed; each one that was not counted as neutral."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Coverage:
    assessed: int
    of: int
    missing: tuple[str, ...] = ()

    @classmethod
    def among(cls, signals: Sequence[str], missing: Iterable[str]) -> "Coverage":
        unknown = set(missing)
        absent = tuple(s for s in signals if s in unknown)
        return cls(assessed=len(signals) - len(absent), of=len(signals), missing=absent)
