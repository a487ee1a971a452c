"""The compliance check of a submitted version (libs/compliance does the checking): which rules
apply, from the deliverable's terms and the brief it follows."""

from compliance import CheckContext, Collaboration, Finding, Format, Market, Platform, Rule, Severity, Span, check
from compliance import compare as compare_captions
from content.domain.briefs import BriefContent
from content.domain.deliverables import Deliverable
from contracts import FeeKind


def context_for(
    deliverable: Deliverable, brief: BriefContent, platform: str, format: str, in_video_disclosure_confirmed: bool
) -> CheckContext:
    """The brand reviews every version here, so it controls the content: a gift label is then not
    enough in the UK (ASA/CMA), whatever freedom the brief gives."""
    return CheckContext(
        platform=Platform(platform),
        format=Format(format),
        markets=brief.markets or (Market.US,),
        collaboration=Collaboration(deliverable.collaboration_type.value),
        fee_is_gift=deliverable.fee_kind is FeeKind.GIFTING,
        brand_controls_content=True,
        brand=brief.brand(),
        brief=brief.requirements(),
        in_video_disclosure_confirmed=in_video_disclosure_confirmed,
    )


def findings_of(caption: str, context: CheckContext) -> tuple[Finding, ...]:
    return check(caption, context).findings


def live_findings(approved: str, live: str, context: CheckContext) -> tuple[Finding, ...]:
    """The live caption checked again, and what changed from the approved one."""
    return (*check(live, context).findings, *compare_captions(approved, live, context))


def finding_document(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "rule": {"id": finding.rule.id, "title": finding.rule.title, "source": finding.rule.source},
        "message": finding.message,
        "span": {"start": finding.span.start, "end": finding.span.end} if finding.span is not None else None,
        "market": finding.market.value if finding.market is not None else None,
    }


def finding_from_document(document: dict[str, object]) -> Finding:
    rule = document["rule"]
    span = document.get("span")
    market = document.get("market")
    assert isinstance(rule, dict)
    return Finding(
        code=str(document["code"]),
        severity=Severity(document["severity"]),
        rule=Rule(rule["id"], rule["title"], rule["source"]),
        message=str(document["message"]),
        span=Span(span["start"], span["end"]) if isinstance(span, dict) else None,
        market=Market(market) if market else None,
    )
