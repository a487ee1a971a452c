"""Caption and disclosure rules as a pure library: no I/O, no framework, plain dataclasses.

report = check(Caption(text), CheckContext(platform=Platform.INSTAGRAM, markets=(Market.US,)))
report.blocking, [f.code for f in report.findings]
compare(approved, live, context)            # what changed that matters after publication
detect_sponsorship(caption, platform_label=False, known_brands=[Brand("Nike", ("@nike",))])
"""

# ruff: noqa: E402 - the guard below runs before the rule modules are imported

from pathlib import Path

from compliance._stale import prefer_fresh_sources

# Before any rule module is imported: an edited module is read from its source, not its compiled copy.
STALE_COMPILED = prefer_fresh_sources(Path(__file__).parent)

from compliance.check import check
from compliance.compare import compare
from compliance.detection import Basis, BrandIndex, Detection, Evidence, detect_sponsorship
from compliance.model import (
    Brand,
    BriefRequirements,
    CheckContext,
    Collaboration,
    Finding,
    Format,
    Market,
    Platform,
    Report,
    Rule,
    Severity,
    Span,
)
from compliance.text import Caption

__all__ = [
    "Basis",
    "Brand",
    "BrandIndex",
    "BriefRequirements",
    "Caption",
    "CheckContext",
    "Collaboration",
    "Detection",
    "Evidence",
    "Finding",
    "Format",
    "Market",
    "Platform",
    "Report",
    "Rule",
    "Severity",
    "Span",
    "check",
    "compare",
    "detect_sponsorship",
]
