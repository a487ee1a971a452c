"""The campaign overview composes parts fetched from several services; a part that fails or is
late is reported missing instead of failing the whole answer."""

from dataclasses import dataclass, field
from typing import Any


class PartFailed(Exception):
    """A part could not be had; `status` is the service's answer when it gave one."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


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


def _by_state(deliverables: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for deliverable in deliverables:
        state = str(deliverable.get("state", "unknown"))
        counts[state] = counts.get(state, 0) + 1
    return counts


def summarize_content(partnership_ids: list[str], deliverables: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts of deliverables by state (`draft`, `submitted`, `approved`, `published`, ...) and
    overdue, for the campaign and for each of its partnerships (in the partnerships' order)."""
    grouped: dict[str, list[dict[str, Any]]] = {pid: [] for pid in partnership_ids}
    for deliverable in deliverables:
        grouped.setdefault(str(deliverable.get("partnership_id")), []).append(deliverable)
    return {
        "deliverables": len(deliverables),
        "by_state": _by_state(deliverables),
        "overdue": sum(1 for d in deliverables if d.get("overdue")),
        "partnerships": [
            {
                "partnership_id": pid,
                "deliverables": len(items),
                "by_state": _by_state(items),
                "overdue": sum(1 for d in items if d.get("overdue")),
            }
            for pid, items in grouped.items()
        ],
    }
