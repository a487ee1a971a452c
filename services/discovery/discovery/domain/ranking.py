"""Ranked search: a score per influencer for a target audience, a brief and a budget, with its parts.

score = Σ weight·part / Σ weight, over the parts that apply (audience match needs a target,
brand affinity a brief, price fit a budget); every part lies in 0..1.

An unknown counts as neutral in every part, never as the best or the worst, and never drops a part
(which would give its weight to what is known): the typical value where a benchmark says what is
typical, else the mean of the candidates for whom it is known. Each part says which of its signals
were assessed (`Coverage`).

- audience_match: per dimension of the target (countries, age buckets, genders), the share of the
  profile's audience inside the target, each segment counted by its weight relative to the
  heaviest (all in the heaviest segment = 1), averaged over the target's dimensions. A profile
  without a country breakdown is taken to have half its audience in its own country; a dimension
  the profile has no data for counts as the mean over the candidates that have it (0.5 if none).
- engagement: engagement rate against its platform and tier benchmark, 1 - 2^-(rate/benchmark);
  an unknown rate counts as the benchmark, 0.5.
- authenticity: the audience quality score / 100 (unassessed signals count as neutral there).
- content_quality: the content quality score from its posts / 100 (domain.content_quality); a
  profile without posts counts as its neutral 50.
- brand_affinity: text similarity of the brief with the profile's name, bio, categories and past
  sponsors, and the captions of its recent posts with the brands they tag; a profile without
  such text counts as the mean over the candidates that have it.
- past_performance: from metrics' measurements (see domain.performance); 0.5 when never measured.
- price_fit: 1 when the reference price (a post, else the cheapest deliverable) is within the budget
  per post, (budget/price)² above it; 0.5 when the price is unknown or in another currency.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from uuid import UUID

import numpy as np
import numpy.typing as npt

from discovery.domain.content_quality import NEUTRAL as CONTENT_NEUTRAL
from discovery.domain.coverage import Coverage
from discovery.domain.engagement import BENCHMARKS, quality_from_ratio
from discovery.domain.performance import NEUTRAL as PERFORMANCE_NEUTRAL
from discovery.domain.profiles import AGE_BUCKETS, GENDERS, Platform, Tier
from discovery.domain.ranking_explain import explain, has_text
from discovery.domain.text import ProfileText, TextSimilarity
from servicekit.errors import InvalidField

Array = npt.NDArray[np.float64]

PARTS = (
    "audience_match",
    "engagement",
    "authenticity",
    "content_quality",
    "brand_affinity",
    "past_performance",
    "price_fit",
)
OWN_COUNTRY_PROXY_SHARE = 0.5
PRICE_UNKNOWN = 0.5
# What an unknown counts as where no candidate of the pool has it either (all are equal there).
UNKNOWN_EVERYWHERE = 0.5


@dataclass(frozen=True)
class Weights:
    audience_match: float = 0.30
    engagement: float = 0.20
    authenticity: float = 0.15
    brand_affinity: float = 0.15
    past_performance: float = 0.10
    price_fit: float = 0.10
    # Last, so that weights given by position keep their meaning.
    content_quality: float = 0.15

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value < 0:
                raise InvalidField(f"weights.{name}", "must not be negative")
        if sum(asdict(self).values()) <= 0:
            raise InvalidField("weights", "at least one weight must be positive")

    def of(self, part: str) -> float:
        value: float = getattr(self, part)
        return value


DEFAULT_WEIGHTS = Weights()


def _normalized(weights: dict[str, float], name: str) -> dict[str, float]:
    for key, value in weights.items():
        if value < 0:
            raise InvalidField(f"{name}.{key}", "weight must not be negative")
    positive = {k: v for k, v in weights.items() if v > 0}
    total = sum(positive.values())
    return {k: v / total for k, v in positive.items()} if total else {}


@dataclass(frozen=True)
class TargetAudience:
    """Segments the brand wants to reach, each with a weight (relative; normalised per dimension)."""

    countries: dict[str, float] = field(default_factory=dict)
    ages: dict[str, float] = field(default_factory=dict)
    genders: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in self.ages:
            if key not in AGE_BUCKETS:
                raise InvalidField(f"target_audience.age_buckets.{key}", f"one of {', '.join(AGE_BUCKETS)}")
        for key in self.genders:
            if key not in GENDERS:
                raise InvalidField(f"target_audience.genders.{key}", f"one of {', '.join(GENDERS)}")
        object.__setattr__(self, "countries", _normalized(self.countries, "target_audience.countries"))
        object.__setattr__(self, "ages", _normalized(self.ages, "target_audience.age_buckets"))
        object.__setattr__(self, "genders", _normalized(self.genders, "target_audience.genders"))

    @property
    def is_empty(self) -> bool:
        return not (self.countries or self.ages or self.genders)


@dataclass(frozen=True)
class Budget:
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class Candidate:
    """What ranking reads of a profile. `ages`/`genders` follow AGE_BUCKETS/GENDERS (NaN = unknown);
    `country_shares` holds the audience share of each target country the profile has data for."""

    id: UUID
    platform: Platform
    tier: Tier
    followers: int
    country: str | None
    engagement_rate: float | None
    authenticity_score: float
    authenticity_not_assessed: tuple[str, ...]
    performance_score: float | None
    price_minor: int | None
    price_currency: str | None
    ages: tuple[float, ...]
    genders: tuple[float, ...]
    countries_known: bool
    country_shares: dict[str, float]
    document: ProfileText
    prior_score: float
    content_quality: float | None = None  # None: no posts, not assessed
    content_quality_not_assessed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankingRequest:
    target: TargetAudience = field(default_factory=TargetAudience)
    brief: ProfileText | None = None
    budget: Budget | None = None
    weights: Weights = DEFAULT_WEIGHTS


@dataclass(frozen=True)
class PartScore:
    score: float
    weight: float
    detail: str
    coverage: Coverage


@dataclass(frozen=True)
class RankedHit:
    candidate: Candidate
    score: float
    parts: dict[str, PartScore]


def _overlap(shares: Array, weights: Array) -> Array:
    """Σ share·weight/max(weight) per row; NaN for rows with no data in this dimension."""
    known = ~np.isnan(shares).all(axis=1)
    relative = weights / weights.max()
    overlap = np.nan_to_num(shares) @ relative
    return np.where(known, overlap, np.nan)


@dataclass(frozen=True)
class CandidatePool:
    """Candidates column by column, as ranking computes on them: NaN for an unknown number,
    `ages` and `genders` one row per candidate in AGE_BUCKETS / GENDERS order."""

    ids: list[UUID]
    platforms: list[Platform]
    tiers: list[Tier]
    followers: Array
    countries: list[str | None]
    engagement_rates: Array
    authenticity: Array
    authenticity_not_assessed: list[tuple[str, ...]]
    content_quality: Array
    content_quality_not_assessed: list[tuple[str, ...]]
    performance: Array
    prices: Array
    price_currencies: list[str | None]
    ages: Array
    genders: Array
    countries_known: npt.NDArray[np.bool_]
    country_shares: list[dict[str, float]]
    documents: list[ProfileText]
    prior: Array

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> "CandidatePool":
        def floats(values: Sequence[float | None]) -> Array:
            return np.array(values, dtype=np.float64).reshape(len(candidates))

        return cls(
            ids=[c.id for c in candidates],
            platforms=[c.platform for c in candidates],
            tiers=[c.tier for c in candidates],
            followers=floats([c.followers for c in candidates]),
            countries=[c.country for c in candidates],
            engagement_rates=floats([c.engagement_rate for c in candidates]),
            authenticity=floats([c.authenticity_score for c in candidates]),
            authenticity_not_assessed=[c.authenticity_not_assessed for c in candidates],
            content_quality=floats([c.content_quality for c in candidates]),
            content_quality_not_assessed=[c.content_quality_not_assessed for c in candidates],
            performance=floats([c.performance_score for c in candidates]),
            prices=floats([c.price_minor for c in candidates]),
            price_currencies=[c.price_currency for c in candidates],
            ages=np.array([c.ages for c in candidates], dtype=np.float64).reshape(len(candidates), len(AGE_BUCKETS)),
            genders=np.array([c.genders for c in candidates], dtype=np.float64).reshape(len(candidates), len(GENDERS)),
            countries_known=np.array([c.countries_known for c in candidates], dtype=bool),
            country_shares=[c.country_shares for c in candidates],
            documents=[c.document for c in candidates],
            prior=floats([c.prior_score for c in candidates]),
        )

    def candidate(self, i: int) -> Candidate:
        def known(value: float) -> float | None:
            return None if np.isnan(value) else float(value)

        price = known(self.prices[i])
        return Candidate(
            id=self.ids[i],
            platform=self.platforms[i],
            tier=self.tiers[i],
            followers=int(self.followers[i]),
            country=self.countries[i],
            engagement_rate=known(self.engagement_rates[i]),
            authenticity_score=float(self.authenticity[i]),
            authenticity_not_assessed=self.authenticity_not_assessed[i],
            content_quality=known(self.content_quality[i]),
            content_quality_not_assessed=self.content_quality_not_assessed[i],
            performance_score=known(self.performance[i]),
            price_minor=None if price is None else int(price),
            price_currency=self.price_currencies[i],
            ages=tuple(float(v) for v in self.ages[i]),
            genders=tuple(float(v) for v in self.genders[i]),
            countries_known=bool(self.countries_known[i]),
            country_shares=self.country_shares[i],
            document=self.documents[i],
            prior_score=float(self.prior[i]),
        )


def audience_dimensions(pool: CandidatePool, target: TargetAudience) -> dict[str, Array]:
    """Overlap per target dimension (NaN where the profile has no data for it)."""
    result: dict[str, Array] = {}
    n = len(pool)
    if target.countries:
        codes = list(target.countries)
        shares = np.full((n, len(codes)), np.nan)
        for row in range(n):
            if pool.countries_known[row]:
                known = pool.country_shares[row]
                shares[row] = [known.get(code, 0.0) for code in codes]
            elif pool.countries[row] is not None:
                shares[row] = [OWN_COUNTRY_PROXY_SHARE if code == pool.countries[row] else 0.0 for code in codes]
        result["countries"] = _overlap(shares, np.array([target.countries[c] for c in codes]))
    if target.ages:
        index = [AGE_BUCKETS.index(b) for b in target.ages]
        result["ages"] = _overlap(pool.ages[:, index], np.array(list(target.ages.values())))
    if target.genders:
        index = [GENDERS.index(g) for g in target.genders]
        result["genders"] = _overlap(pool.genders[:, index], np.array(list(target.genders.values())))
    return result


def typical(values: Array, known: npt.NDArray[np.bool_]) -> float:
    """The mean of the known values (UNKNOWN_EVERYWHERE if none is)."""
    return float(values[known].mean()) if known.any() else UNKNOWN_EVERYWHERE


def typical_where_unknown(values: Array, known: npt.NDArray[np.bool_]) -> Array:
    return np.where(known, values, typical(values, known))


def audience_match(dimensions: dict[str, Array], size: int) -> Array:
    """The mean over the target's dimensions, an unknown one counting as the candidates' typical."""
    if not dimensions:
        return np.full(size, UNKNOWN_EVERYWHERE)
    filled = [typical_where_unknown(overlap, ~np.isnan(overlap)) for overlap in dimensions.values()]
    return np.mean(np.vstack(filled), axis=0)


def engagement_parts(pool: CandidatePool) -> Array:
    benchmarks = np.array([BENCHMARKS[p][t] for p, t in zip(pool.platforms, pool.tiers, strict=True)])
    return quality_from_ratio(pool.engagement_rates / benchmarks)


def content_quality_parts(scores: Array) -> Array:
    """Content quality / 100; never assessed (no posts) counts as its neutral 50."""
    return np.where(np.isnan(scores), CONTENT_NEUTRAL, scores / 100)


def price_fit(prices: Array, currencies_match: npt.NDArray[np.bool_], budget_minor: int) -> Array:
    known = ~np.isnan(prices) & currencies_match
    safe = np.where(known & (prices > 0), prices, 1.0)
    above = np.clip(budget_minor / safe, 0.0, 1.0) ** 2
    fit = np.where(np.nan_to_num(prices) <= budget_minor, 1.0, above)
    return np.where(known, fit, PRICE_UNKNOWN)


def score_parts(
    pool: CandidatePool, request: RankingRequest, similarity: TextSimilarity
) -> tuple[dict[str, Array], dict[str, Array]]:
    """Each applicable part's scores (one per candidate), and the audience dimensions behind the match."""
    n = len(pool)
    parts: dict[str, Array] = {}
    dimensions: dict[str, Array] = {}
    if not request.target.is_empty:
        dimensions = audience_dimensions(pool, request.target)
        parts["audience_match"] = audience_match(dimensions, n)
    parts["engagement"] = engagement_parts(pool)
    parts["authenticity"] = pool.authenticity / 100
    parts["content_quality"] = content_quality_parts(pool.content_quality)
    if request.brief is not None and request.brief.text.strip():
        similarities = np.asarray(similarity.similarities(request.brief, pool.documents), dtype=np.float64)
        known = np.array([has_text(d) for d in pool.documents], dtype=bool).reshape(n)
        parts["brand_affinity"] = typical_where_unknown(similarities, known)
    parts["past_performance"] = np.where(np.isnan(pool.performance), PERFORMANCE_NEUTRAL, pool.performance)
    if request.budget is not None:
        same_currency = np.array([c == request.budget.currency for c in pool.price_currencies], dtype=bool)
        parts["price_fit"] = price_fit(pool.prices, same_currency, request.budget.amount_minor)
    return parts, dimensions


def combine(parts: dict[str, Array], weights: Weights, size: int) -> Array:
    used = {name: weights.of(name) for name in parts if weights.of(name) > 0}
    total_weight = sum(used.values())
    if not total_weight:
        return np.zeros(size)
    return sum((parts[name] * w for name, w in used.items()), np.zeros(size)) / total_weight


def rank(
    candidates: CandidatePool | Sequence[Candidate],
    request: RankingRequest,
    similarity: TextSimilarity,
    *,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[RankedHit], int]:
    """The hits from `offset` on, best first (ties: the higher prior, then more followers), and
    how many candidates were ranked."""
    pool = candidates if isinstance(candidates, CandidatePool) else CandidatePool.of(candidates)
    n = len(pool)
    if n == 0:
        return [], 0
    parts, dimensions = score_parts(pool, request, similarity)
    typical_overlap = {d: typical(overlap, ~np.isnan(overlap)) for d, overlap in dimensions.items()}
    totals = combine(parts, request.weights, n)
    order = np.lexsort((-pool.followers, -pool.prior, -np.round(totals, 9)))
    hits = []
    for i in order[offset : offset + limit]:
        c = pool.candidate(int(i))
        dims = {d: float(v[i]) for d, v in dimensions.items()}
        explained = {}
        for name, values in parts.items():
            detail, coverage = explain(name, c, float(values[i]), request, dims, typical_overlap)
            explained[name] = PartScore(
                score=float(values[i]), weight=request.weights.of(name), detail=detail, coverage=coverage
            )
        hits.append(RankedHit(candidate=c, score=float(totals[i]), parts=explained))
    return hits, n


def prior_score(engagement_quality: float, authenticity_score: float, performance_score: float | None) -> float:
    """The query-independent parts under the default weights that every profile write knows:
    what ranked search's candidate retrieval orders by before it scores the other parts. (Content
    quality, from the posts, is written apart from the profile and scored in the pool only.)"""
    w = DEFAULT_WEIGHTS
    performance = PERFORMANCE_NEUTRAL if performance_score is None else performance_score
    total = w.engagement + w.authenticity + w.past_performance
    return (
        w.engagement * engagement_quality + w.authenticity * authenticity_score / 100 + w.past_performance * performance
    ) / total
