"""The SQL of a search: the conditions a filter set puts on profiles one org may see, and the
keyset-paginated page of filtered search. Ranked search's candidates (ranking_candidates.py) pass
the same conditions."""

import math
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true

from discovery.adapters.dialect import SQLite, escape_like
from discovery.adapters.tables import AGE_COLUMNS, GENDER_COLUMNS, audience_countries, influencer_tags, influencers
from discovery.domain.profiles import AGE_BUCKETS, GENDERS, SHARED_CATALOGUE
from discovery.domain.search import SearchFilters, Sort, Visibility, query_terms

_AGE_COLUMN = dict(zip(AGE_BUCKETS, AGE_COLUMNS, strict=True))
_GENDER_COLUMN = dict(zip(GENDERS, GENDER_COLUMNS, strict=True))
SORTS: dict[Sort, tuple[str, bool]] = {
    Sort.FOLLOWERS_DESC: ("followers", True),
    Sort.FOLLOWERS: ("followers", False),
    Sort.ENGAGEMENT_DESC: ("engagement_sort", True),
    Sort.ENGAGEMENT: ("engagement_sort", False),
    Sort.CREATED_DESC: ("created_at", True),
    Sort.CREATED: ("created_at", False),
}


class ProfileQueries:
    """Conditions on the profiles an org sees: the shared catalogue and its own."""

    def __init__(self, tenant_id: UUID, dialect: SQLite) -> None:
        self.tenant_id = tenant_id
        self.dialect = dialect

    def visible(self) -> ColumnElement[bool]:
        return influencers.c.catalogue_id.in_([SHARED_CATALOGUE, self.tenant_id])

    def conditions(self, filters: SearchFilters) -> list[ColumnElement[bool]]:
        c = influencers.c
        where: list[ColumnElement[bool]] = [self.visible()]
        if filters.visibility is Visibility.SHARED:
            where.append(c.catalogue_id == SHARED_CATALOGUE)
        elif filters.visibility is Visibility.PRIVATE:
            where.append(c.catalogue_id == self.tenant_id)
        if filters.platforms:
            where.append(c.platform.in_([p.value for p in filters.platforms]))
        if filters.countries:
            where.append(c.country.in_(list(filters.countries)))
        if filters.languages:
            where.append(c.language.in_(list(filters.languages)))
        if filters.categories:
            where.append(or_(*(self.dialect.holds_item(c.categories, category) for category in filters.categories)))
        ranges = filters.follower_ranges()
        if not ranges:
            where.append(false())
        elif ranges != [(0, None)]:
            where.append(
                or_(*(and_(c.followers >= low, true() if high is None else c.followers < high) for low, high in ranges))
            )
        if filters.min_engagement_rate is not None:
            where.append(c.engagement_rate >= filters.min_engagement_rate)
        if filters.max_engagement_rate is not None:
            where.append(c.engagement_rate <= filters.max_engagement_rate)
        if filters.min_authenticity is not None:
            where.append(c.authenticity_score >= filters.min_authenticity)
        for wanted in filters.audience_countries:
            where.append(
                c.id.in_(
                    select(audience_countries.c.influencer_id).where(
                        audience_countries.c.country == wanted.segment, audience_countries.c.share >= wanted.share
                    )
                )
            )
        for wanted in filters.audience_ages:
            where.append(c[_AGE_COLUMN[wanted.segment]] >= wanted.share)
        for wanted in filters.audience_genders:
            where.append(c[_GENDER_COLUMN[wanted.segment]] >= wanted.share)
        if filters.min_price_minor is not None or filters.max_price_minor is not None:
            where.append(c.price_currency == (filters.price_currency or "USD"))
            if filters.min_price_minor is not None:
                where.append(c.price_minor >= filters.min_price_minor)
            if filters.max_price_minor is not None:
                where.append(c.price_minor <= filters.max_price_minor)
        if filters.text:
            for term in filters.text.lower().split():
                where.append(self._has_word(term))
        if filters.tags:
            where.append(
                c.id.in_(
                    select(influencer_tags.c.influencer_id).where(
                        influencer_tags.c.tenant_id == self.tenant_id, influencer_tags.c.tag.in_(list(filters.tags))
                    )
                )
            )
        if filters.exclude_ids:
            where.append(c.id.not_in(list(filters.exclude_ids)))
        return where

    def _has_word(self, word: str) -> ColumnElement[bool]:
        """In handle or name, or the beginning of a term (of each of the word's terms)."""
        in_name = influencers.c.search_name.like(f"%{escape_like(word)}%", escape="\\")
        terms = query_terms(word)
        if not terms:
            return in_name
        return or_(in_name, self.dialect.begins_terms(terms))

    def page(self, filters: SearchFilters, sort: Sort, *, limit: int, after: list[object] | None) -> Select[Any]:
        """One page in the sort order, keyset-paginated on (sort key, id); ValueError for a cursor
        that does not fit the sort."""
        column_name, descending = SORTS[sort]
        key = influencers.c[column_name]
        query = select(influencers).where(*self.conditions(filters))
        if after is not None:
            value, last_id = _cursor_values(column_name, after)
            if descending:
                query = query.where(or_(key < value, and_(key == value, influencers.c.id < last_id)))
            else:
                query = query.where(or_(key > value, and_(key == value, influencers.c.id > last_id)))
        if descending:
            query = query.order_by(key.desc(), influencers.c.id.desc())
        else:
            query = query.order_by(key.asc(), influencers.c.id.asc())
        return query.limit(limit)


def _cursor_values(column_name: str, after: list[object]) -> tuple[object, UUID]:
    """Raises ValueError for a cursor that does not fit the sort."""
    if len(after) != 2:
        raise ValueError("cursor holds two values")
    value, last_id = after
    if column_name == "created_at":
        parsed: object = datetime.fromisoformat(str(value))
    elif column_name == "followers":
        parsed = int(str(value))
        if not 0 <= parsed < 2**63:  # a forged cursor: the column would overflow
            raise ValueError("followers out of range")
    else:
        parsed = float(str(value))
        if not math.isfinite(parsed):
            raise ValueError("not a finite rate")
    return parsed, UUID(str(last_id))
