"""What each part of a ranked score says of one candidate: a sentence, and which of its signals
were assessed."""

from typing import TYPE_CHECKING

import numpy as np

from discovery.domain.authenticity import SIGNALS as AUTHENTICITY_SIGNALS
from discovery.domain.content_quality import SIGNALS as CONTENT_SIGNALS
from discovery.domain.coverage import Coverage
from discovery.domain.engagement import BENCHMARKS
from discovery.domain.text import ProfileText

if TYPE_CHECKING:
    from discovery.domain.ranking import Candidate, RankingRequest


def has_text(document: ProfileText) -> bool:
    """Whether a profile says what it is about (name, bio, categories, sponsors, its posts'
    captions): its handle does not."""
    return bool(document.terms)


def explain(
    name: str,
    c: "Candidate",
    value: float,
    request: "RankingRequest",
    dims: dict[str, float],
    typical_overlap: dict[str, float],
) -> tuple[str, Coverage]:
    """A part's sentence, and which of its signals were assessed."""
    if name == "audience_match":
        said = []
        for dimension, overlap in dims.items():
            if np.isnan(overlap):
                said.append(
                    f"{dimension}: unknown, counted as the candidates' typical {typical_overlap[dimension]:.0%}"
                )
            elif dimension == "countries" and not c.countries_known:
                said.append(f"countries: {overlap:.0%} (no breakdown; half the audience assumed in {c.country})")
            else:
                said.append(f"{dimension}: {overlap:.0%} of the audience in the target")
        return "; ".join(said), Coverage.among(list(dims), [d for d, v in dims.items() if np.isnan(v)])
    if name == "engagement":
        bench = BENCHMARKS[c.platform][c.tier]
        typical_for = f"typical for {c.tier.value} {c.platform.value}"
        if c.engagement_rate is None:
            return f"no engagement rate: counted as the {bench:.2%} {typical_for}", Coverage(0, 1, ("engagement_rate",))
        return f"engagement rate {c.engagement_rate:.2%} against {bench:.2%} {typical_for}", Coverage(1, 1)
    if name == "authenticity":
        coverage = Coverage.among(AUTHENTICITY_SIGNALS, c.authenticity_not_assessed)
        return (
            f"audience quality {c.authenticity_score:.0f}/100, {coverage.assessed} of {coverage.of} signals assessed",
            coverage,
        )
    if name == "content_quality":
        missing = c.content_quality_not_assessed if c.content_quality is not None else CONTENT_SIGNALS
        coverage = Coverage.among(CONTENT_SIGNALS, missing)
        if c.content_quality is None:
            return "no posts known: counted as the neutral 50/100", coverage
        return (
            f"content quality {c.content_quality:.0f}/100 from its posts, "
            f"{coverage.assessed} of {coverage.of} signals assessed",
            coverage,
        )
    if name == "brand_affinity":
        if not has_text(c.document):
            return (
                f"no name, bio, categories or captions to compare: counted as the candidates' typical {value:.2f}",
                Coverage(0, 1, ("profile_text",)),
            )
        return f"text similarity {value:.2f} between the brief and the profile and its posts", Coverage(1, 1)
    if name == "past_performance":
        if c.performance_score is None:
            return "not measured yet (neutral)", Coverage(0, 1, ("measured_results",))
        return f"measured results score {c.performance_score:.2f}", Coverage(1, 1)
    budget = request.budget
    assert name == "price_fit"
    assert budget is not None
    if c.price_minor is None:
        return "no price known (neutral)", Coverage(0, 1, ("price",))
    if c.price_currency != budget.currency:
        return f"priced in {c.price_currency}, budget in {budget.currency} (neutral)", Coverage(0, 1, ("price",))
    verdict = "within" if c.price_minor <= budget.amount_minor else "above"
    return (
        f"{c.price_minor} {c.price_currency} minor units per post, {verdict} the budget of {budget.amount_minor}",
        Coverage(1, 1),
    )
