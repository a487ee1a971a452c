"""What ranked search and lookalikes score: a bounded pool of candidates, retrieved by a few
index-ordered queries and read column by column into a CandidatePool.

Kept by hand (no generic mapper): pool_from_rows turns up to 600 rows per query into numpy
columns, on every ranked search."""

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Select, literal, select

from discovery.adapters.profile_rows import signals
from discovery.adapters.profile_search import ProfileQueries
from discovery.adapters.tables import (
    AGE_COLUMNS,
    GENDER_COLUMNS,
    audience_countries,
    influencer_post_details,
    influencers,
)
from discovery.domain.profiles import PLATFORMS, TIERS, Influencer
from discovery.domain.ranking import CandidatePool
from discovery.domain.search import SearchFilters
from discovery.domain.text import with_posts

_CANDIDATE_COLUMNS = (
    influencers.c.id,
    influencers.c.platform,
    influencers.c.tier,
    influencers.c.followers,
    influencers.c.country,
    influencers.c.engagement_rate,
    influencers.c.authenticity_score,
    influencers.c.performance_score,
    influencers.c.price_minor,
    influencers.c.price_currency,
    *(influencers.c[name] for name in AGE_COLUMNS),
    *(influencers.c[name] for name in GENDER_COLUMNS),
    influencers.c.audience_countries_known,
    influencers.c.authenticity_not_assessed,
    influencers.c.content_quality,
    influencers.c.content_quality_not_assessed,
)
_EXTRA_COLUMNS = 5  # the document's text and terms, the prior score, the posts' text and terms


def candidate_columns(with_text: bool, share_countries: Sequence[str]) -> list[Any]:
    """What ranking reads: the profile's text and its posts' (a primary-key lookup per row) only for
    a backend that compares text rather than terms, and its audience share in each target country
    (a primary-key lookup per row)."""
    shares = [
        select(audience_countries.c.share)
        .where(audience_countries.c.influencer_id == influencers.c.id, audience_countries.c.country == country)
        .scalar_subquery()
        .label(f"share_{i}")
        for i, country in enumerate(share_countries)
    ]
    text_column = influencers.c.search_text if with_text else literal("")
    post_text = (
        select(influencer_post_details.c.post_text)
        .where(influencer_post_details.c.influencer_id == influencers.c.id)
        .scalar_subquery()
        if with_text
        else literal("")
    )
    return [
        *_CANDIDATE_COLUMNS,
        text_column.label("document_text"),
        influencers.c.terms,
        influencers.c.prior_score,
        post_text.label("post_text"),
        influencers.c.post_terms,
        *shares,
    ]


def pool_from_rows(rows: Sequence[Any], share_countries: Sequence[str]) -> CandidatePool:
    """Rows of _candidate_columns, column by column (None becomes NaN in the number columns)."""
    n = len(rows)
    width = len(_CANDIDATE_COLUMNS) + _EXTRA_COLUMNS + len(share_countries)
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * width

    def floats(position: int) -> npt.NDArray[np.float64]:
        return np.array(columns[position], dtype=np.float64).reshape(n)

    ids = list(columns[0])
    return CandidatePool(
        ids=ids,
        platforms=[PLATFORMS[p] for p in columns[1]],
        tiers=[TIERS[t] for t in columns[2]],
        followers=floats(3),
        countries=list(columns[4]),
        engagement_rates=floats(5),
        authenticity=floats(6),
        performance=floats(7),
        prices=floats(8),
        price_currencies=list(columns[9]),
        ages=np.array([row[10:17] for row in rows], dtype=np.float64).reshape(n, len(AGE_COLUMNS)),
        genders=np.array([row[17:20] for row in rows], dtype=np.float64).reshape(n, len(GENDER_COLUMNS)),
        countries_known=np.array(columns[20], dtype=bool).reshape(n),
        authenticity_not_assessed=list(map(signals, columns[21])),
        content_quality=floats(22),
        content_quality_not_assessed=list(map(signals, columns[23])),
        country_shares=[
            {c: share for c, share in zip(share_countries, row[29:], strict=True) if share is not None} for row in rows
        ],
        documents=list(map(with_posts, columns[24], columns[25], columns[27], columns[28])),
        prior=floats(26),
    )


def candidate_statements(
    queries: ProfileQueries,
    filters: SearchFilters,
    *,
    target_countries: Sequence[str],
    pool: int,
    with_text: bool = False,
) -> list[Select[Any]]:
    """Ranked search retrieves a bounded pool through index-ordered queries: the best by prior
    score among all that pass the filters; for each of the (three heaviest) target countries,
    the profiles with the largest audience share there, and the best by prior score based there.
    One query per country, so that each walks its index in order instead of sorting."""
    where = queries.conditions(filters)
    columns = candidate_columns(with_text, target_countries)
    statements = [select(*columns).where(*where).order_by(influencers.c.prior_score.desc()).limit(pool)]
    countries = list(target_countries)[:3]
    each = max(pool // (2 * max(len(countries), 1)), 25)
    for country in countries:
        top_shares = (
            select(audience_countries.c.influencer_id)
            .where(audience_countries.c.country == country)
            .order_by(audience_countries.c.share.desc())
            .limit(each * 2)
            .subquery("top_shares")
        )
        statements.append(
            select(*columns).join(top_shares, top_shares.c.influencer_id == influencers.c.id).where(*where).limit(each)
        )
        statements.append(
            select(*columns)
            .where(*where, influencers.c.country == country)
            .order_by(influencers.c.prior_score.desc())
            .limit(each)
        )
    return statements


def lookalike_statements(queries: ProfileQueries, source: Influencer, *, any_platform: bool, pool: int) -> list[Any]:
    """Profiles that share something with the source, each channel ordered by prior score:
    a category, its country, its top audience countries, its tier."""
    facts = source.facts
    base = SearchFilters(
        platforms=() if any_platform else (facts.platform,),
        exclude_ids=(source.id,),
    )
    share = max(pool // 4, 20)
    channels: list[SearchFilters] = [
        SearchFilters(platforms=base.platforms, exclude_ids=base.exclude_ids, categories=(category,))
        for category in facts.categories[:3]
    ]
    if facts.country:
        channels.append(
            SearchFilters(platforms=base.platforms, exclude_ids=base.exclude_ids, countries=(facts.country,))
        )
    channels.append(SearchFilters(platforms=base.platforms, exclude_ids=base.exclude_ids, tiers=(source.tier,)))
    statements: list[Any] = [
        select(*candidate_columns(True, ()))
        .where(*queries.conditions(filters))
        .order_by(influencers.c.prior_score.desc())
        .limit(share)
        for filters in channels
    ]
    top_countries = sorted(facts.audience.countries.items(), key=lambda kv: -kv[1])[:3]
    if top_countries:
        top_shares = (
            select(audience_countries.c.influencer_id)
            .where(audience_countries.c.country.in_([c for c, _ in top_countries]))
            .order_by(audience_countries.c.share.desc())
            .limit(share * 2)
            .subquery("top_shares")
        )
        statements.append(
            select(*candidate_columns(True, ()))
            .join(top_shares, top_shares.c.influencer_id == influencers.c.id)
            .where(*queries.conditions(base))
            .limit(share)
        )
    return statements
