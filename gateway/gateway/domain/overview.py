"""The campaign overview composes parts fetched from several services; a part that fails or is
late is reported missing instead of failing the whole answer."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Part:
    name: str
    value: Any = None
    error: str | None = None


@dataclass
class Overview:
    parts: list[Part] = field(default_factory=list)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {part.name: part.value for part in self.parts}
        missing = [{"part": p.name, "reason": p.error} for p in self.parts if p.error is not None]
        body["missing"] = missing
        body["complete"] = not missing
        return body


def summarize_deliverables(deliverables: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of deliverables by state (`draft`, `submitted`, `approved`, `published`, ...)."""
    counts: dict[str, int] = {}
    for deliverable in deliverables:
        state = str(deliverable.get("state", "unknown"))
        counts[state] = counts.get(state, 0) + 1
    return counts
