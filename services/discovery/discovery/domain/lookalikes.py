"""Lookalikes: the profiles nearest to one, by what they talk about and whom they reach.

similarity = (text_weight·text + audience_weight·audience) / (sum of the weights that apply)
- text: text similarity of the two profiles' name, bio, categories and past sponsors;
- audience: mean over the dimensions both profiles have data for (countries, ages, genders) of the
  cosine of their share vectors; a profile without a country breakdown counts as all in its own
  country. Left out when the two have no dimension in common.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from discovery.domain.ranking import Candidate
from discovery.domain.text import TextSimilarity
from servicekit.errors import InvalidField

DEFAULT_TEXT_WEIGHT = 0.5
DEFAULT_AUDIENCE_WEIGHT = 0.5


@dataclass(frozen=True)
class AudienceProfile:
    countries: dict[str, float]
    ages: tuple[float, ...]
    genders: tuple[float, ...]


@dataclass(frozen=True)
class Lookalike:
    candidate: Candidate
    similarity: float
    text: float
    audience: float | None


def audience_profile(candidate: Candidate, countries: dict[str, float]) -> AudienceProfile:
    if not countries and candidate.country is not None:
        countries = {candidate.country: 1.0}
    return AudienceProfile(countries=countries, ages=candidate.ages, genders=candidate.genders)


def _cosine(a: Sequence[float], b: Sequence[float]) -> float | None:
    va, vb = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if np.isnan(va).all() or np.isnan(vb).all():
        return None
    va, vb = np.nan_to_num(va), np.nan_to_num(vb)
    norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(va @ vb / norm) if norm else None


def audience_similarity(a: AudienceProfile, b: AudienceProfile) -> float | None:
    scores: list[float] = []
    if a.countries and b.countries:
        keys = sorted(set(a.countries) | set(b.countries))
        score = _cosine([a.countries.get(k, 0.0) for k in keys], [b.countries.get(k, 0.0) for k in keys])
        if score is not None:
            scores.append(score)
    for mine, theirs in ((a.ages, b.ages), (a.genders, b.genders)):
        score = _cosine(mine, theirs)
        if score is not None:
            scores.append(score)
    return sum(scores) / len(scores) if scores else None


def nearest(
    source: Candidate,
    source_countries: dict[str, float],
    candidates: Sequence[Candidate],
    countries: dict[object, dict[str, float]],
    similarity: TextSimilarity,
    *,
    text_weight: float = DEFAULT_TEXT_WEIGHT,
    audience_weight: float = DEFAULT_AUDIENCE_WEIGHT,
    limit: int = 20,
) -> list[Lookalike]:
    """`countries` maps each candidate id to its audience country shares (empty when unknown)."""
    if text_weight < 0:
        raise InvalidField("text_weight", "must not be negative")
    if audience_weight < 0:
        raise InvalidField("audience_weight", "must not be negative")
    if text_weight + audience_weight <= 0:
        raise InvalidField("text_weight", "text_weight and audience_weight cannot both be 0")
    others = [c for c in candidates if c.id != source.id]
    if not others:
        return []
    texts = similarity.similarities(source.document, [c.document for c in others])
    mine = audience_profile(source, source_countries)
    found: list[Lookalike] = []
    for c, text in zip(others, texts, strict=True):
        audience = audience_similarity(mine, audience_profile(c, countries.get(c.id, {})))
        weighted = text_weight * float(text)
        weight = text_weight
        if audience is not None:
            weighted += audience_weight * audience
            weight += audience_weight
        score = weighted / weight if weight else 0.0
        found.append(Lookalike(candidate=c, similarity=score, text=float(text), audience=audience))
    found.sort(key=lambda hit: (-hit.similarity, -math.log1p(hit.candidate.followers), str(hit.candidate.id)))
    return found[:limit]
