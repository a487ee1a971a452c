"""Profiles in SQL: one org sees the shared catalogue and its own; searches and ranking candidates."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import numpy as np
import numpy.typing as npt
import orjson
from sqlalchemy import (
    ARRAY,
    Column,
    ColumnElement,
    MetaData,
    Select,
    String,
    Table,
    Uuid,
    and_,
    bindparam,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.tables import (
    AGE_COLUMNS,
    GENDER_COLUMNS,
    audience_countries,
    influencer_snapshots,
    influencer_tags,
    influencers,
    performance_records,
)
from discovery.domain.performance import PerformanceRecord
from discovery.domain.ports import ProfileKey
from discovery.domain.profiles import (
    AGE_BUCKETS,
    GENDERS,
    PLATFORMS,
    SHARED_CATALOGUE,
    TIERS,
    Audience,
    Contact,
    Influencer,
    ProfileFacts,
    RateCard,
    Snapshot,
    fingerprint,
)
from discovery.domain.ranking import Candidate, CandidatePool
from discovery.domain.search import SearchFilters, Sort, Visibility
from discovery.domain.text import ProfileText, profile_document

_AGE_COLUMN = dict(zip(AGE_BUCKETS, AGE_COLUMNS, strict=True))
_GENDER_COLUMN = dict(zip(GENDERS, GENDER_COLUMNS, strict=True))
_SNAPSHOT_FIELDS = (
    "followers",
    "following",
    "posts",
    "avg_likes",
    "avg_comments",
    "avg_views",
    "avg_shares",
    "avg_engagements",
    "engagement_rate",
)
# Written by the import and the API; performance_score belongs to the performance consumer.
_UPSERT_KEEP = {"id", "catalogue_id", "platform", "handle", "created_at", "created_by", "performance_score"}
_SORTS: dict[Sort, tuple[str, bool]] = {
    Sort.FOLLOWERS_DESC: ("followers", True),
    Sort.FOLLOWERS: ("followers", False),
    Sort.ENGAGEMENT_DESC: ("engagement_sort", True),
    Sort.ENGAGEMENT: ("engagement_sort", False),
    Sort.CREATED_DESC: ("created_at", True),
    Sort.CREATED: ("created_at", False),
}
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
)


def _candidate_columns(with_text: bool, share_countries: Sequence[str]) -> list[Any]:
    """What ranking reads: the profile's text only for a backend that compares text rather than
    terms, and its audience share in each target country (a primary-key lookup per row)."""
    shares = [
        select(audience_countries.c.share)
        .where(audience_countries.c.influencer_id == influencers.c.id, audience_countries.c.country == country)
        .scalar_subquery()
        .label(f"share_{i}")
        for i, country in enumerate(share_countries)
    ]
    text_column = influencers.c.search_text if with_text else literal("")
    return [
        *_CANDIDATE_COLUMNS,
        text_column.label("document_text"),
        influencers.c.terms,
        influencers.c.prior_score,
        *shares,
    ]


def search_text(facts: ProfileFacts) -> str:
    parts = [facts.handle, facts.display_name or "", facts.bio or "", " ".join(facts.categories)]
    return " ".join(p for p in parts if p).lower()


def to_row(influencer: Influencer) -> dict[str, Any]:
    facts = influencer.facts
    audience = facts.audience
    card = facts.rate_card
    row: dict[str, Any] = {
        "id": influencer.id,
        "catalogue_id": influencer.catalogue_id,
        "platform": facts.platform.value,
        "handle": facts.handle,
        "display_name": facts.display_name,
        "bio": facts.bio,
        "categories": list(facts.categories),
        "country": facts.country,
        "language": facts.language,
        "followers": facts.followers,
        "following": facts.following,
        "posts": facts.posts,
        "avg_likes": facts.avg_likes,
        "avg_comments": facts.avg_comments,
        "avg_views": facts.avg_views,
        "avg_shares": facts.avg_shares,
        "avg_engagements": facts.avg_engagements,
        "reported_engagement_rate": facts.reported_engagement_rate,
        "engagement_rate": influencer.engagement_rate,
        "engagement_rate_source": influencer.engagement_rate_source,
        "engagement_sort": -1.0 if influencer.engagement_rate is None else influencer.engagement_rate,
        "tier": influencer.tier.value,
        "audience": audience.as_dict(),
        "audience_countries_known": bool(audience.countries),
        "rate_card": {"currency": card.currency, "prices": dict(card.prices)} if card else None,
        "price_minor": card.reference_price if card else None,
        "price_currency": card.currency if card else None,
        "past_sponsors": list(facts.past_sponsors),
        "contact": facts.contact.as_dict(),
        "last_refreshed_at": facts.last_refreshed_at,
        "authenticity_score": float(influencer.authenticity_score),
        "performance_score": influencer.performance_score,
        "prior_score": influencer.prior_score,
        "search_text": search_text(facts),
        "terms": profile_document(facts.display_name, facts.bio, facts.categories, facts.past_sponsors).terms,
        "content_hash": fingerprint(facts),
        "created_by": influencer.created_by,
        "created_at": influencer.created_at,
        "updated_at": influencer.updated_at,
    }
    for bucket, column in _AGE_COLUMN.items():
        row[column] = audience.ages.get(bucket, 0.0) if audience.ages else None
    for gender, column in _GENDER_COLUMN.items():
        row[column] = audience.genders.get(gender, 0.0) if audience.genders else None
    return row


def from_row(row: Any) -> Influencer:
    card = row.rate_card
    facts = ProfileFacts(
        platform=PLATFORMS[row.platform],
        handle=row.handle,
        followers=row.followers,
        display_name=row.display_name,
        bio=row.bio,
        categories=tuple(row.categories),
        country=row.country,
        language=row.language,
        following=row.following,
        posts=row.posts,
        avg_likes=row.avg_likes,
        avg_comments=row.avg_comments,
        avg_views=row.avg_views,
        avg_shares=row.avg_shares,
        avg_engagements=row.avg_engagements,
        reported_engagement_rate=row.reported_engagement_rate,
        audience=Audience.from_dict(row.audience),
        rate_card=RateCard(currency=card["currency"], prices=dict(card["prices"])) if card else None,
        past_sponsors=tuple(row.past_sponsors),
        contact=Contact(**row.contact),
        last_refreshed_at=row.last_refreshed_at,
    )
    return Influencer(
        id=row.id,
        catalogue_id=row.catalogue_id,
        facts=facts,
        tier=TIERS[row.tier],
        engagement_rate=row.engagement_rate,
        engagement_rate_source=row.engagement_rate_source,
        authenticity_score=row.authenticity_score,
        performance_score=row.performance_score,
        prior_score=row.prior_score,
        created_at=row.created_at,
        updated_at=row.updated_at,
        created_by=row.created_by,
    )


def pool_from_rows(rows: Sequence[Any], share_countries: Sequence[str]) -> CandidatePool:
    """Rows of _candidate_columns, column by column (None becomes NaN in the number columns)."""
    n = len(rows)
    width = len(_CANDIDATE_COLUMNS) + 3 + len(share_countries)
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
        country_shares=[
            {c: share for c, share in zip(share_countries, row[24:], strict=True) if share is not None} for row in rows
        ],
        documents=list(map(ProfileText, columns[21], columns[22])),
        prior=floats(23),
    )


def snapshot_row(influencer_id: UUID, snapshot: Snapshot) -> dict[str, Any]:
    return {
        "influencer_id": influencer_id,
        "taken_at": snapshot.taken_at,
        **{name: getattr(snapshot, name) for name in _SNAPSHOT_FIELDS},
    }


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class InfluencerRepository:
    """Every read is scoped to the shared catalogue and the org's own; writes name their catalogue."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id

    @property
    def _postgres(self) -> bool:
        return self.session.bind.dialect.name == "postgresql"

    def _visible(self) -> ColumnElement[bool]:
        return influencers.c.catalogue_id.in_([SHARED_CATALOGUE, self.tenant_id])

    async def get(self, influencer_id: UUID, *, for_update: bool = False) -> Influencer | None:
        query = select(influencers).where(influencers.c.id == influencer_id, self._visible())
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return from_row(row) if row else None

    async def many(self, influencer_ids: Sequence[UUID]) -> dict[UUID, Influencer]:
        if not influencer_ids:
            return {}
        rows = await self.session.execute(
            select(influencers).where(influencers.c.id.in_(list(influencer_ids)), self._visible())
        )
        return {row.id: from_row(row) for row in rows}

    async def in_catalogue(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, Influencer]:
        if not keys:
            return {}
        wanted = set(keys)
        if self._postgres:
            # (platform, handle) pairs as two array parameters joined through unnest: one probe of
            # the unique index per pair, and one prepared plan for every chunk whatever its size.
            pairs = sorted((platform.value, handle) for platform, handle in wanted)
            unnested = (
                func.unnest(
                    bindparam("platforms", [p for p, _ in pairs], type_=ARRAY(String)),
                    bindparam("handles", [h for _, h in pairs], type_=ARRAY(String)),
                )
                .table_valued("platform", "handle")
                .render_derived(name="wanted")
            )
            query = select(influencers).join(
                unnested,
                and_(influencers.c.platform == unnested.c.platform, influencers.c.handle == unnested.c.handle),
            )
        else:
            query = select(influencers).where(
                influencers.c.platform.in_(sorted({p.value for p, _ in wanted})),
                influencers.c.handle.in_(sorted({h for _, h in wanted})),
            )
        rows = await self.session.execute(query.where(influencers.c.catalogue_id == catalogue_id))
        found: dict[ProfileKey, Influencer] = {}
        for row in rows:
            key = (PLATFORMS[row.platform], row.handle)
            if key in wanted:
                found[key] = from_row(row)
        return found

    async def histories(self, influencer_ids: Sequence[UUID]) -> dict[UUID, list[Snapshot]]:
        if not influencer_ids:
            return {}
        t = influencer_snapshots
        rows = await self.session.execute(
            select(t)
            .where(t.c.influencer_id.in_(list(influencer_ids)))
            .order_by(t.c.influencer_id, t.c.taken_at, t.c.id)
        )
        found: dict[UUID, list[Snapshot]] = {}
        for row in rows:
            found.setdefault(row.influencer_id, []).append(_snapshot(row))
        return found

    async def snapshots(self, influencer_id: UUID, *, limit: int, before: datetime | None) -> Sequence[Snapshot]:
        t = influencer_snapshots
        query = select(t).where(t.c.influencer_id == influencer_id)
        if before is not None:
            query = query.where(t.c.taken_at < before)
        rows = await self.session.execute(query.order_by(t.c.taken_at.desc(), t.c.id.desc()).limit(limit))
        return [_snapshot(row) for row in rows]

    async def add(self, influencer: Influencer) -> None:
        await self.session.execute(insert(influencers).values(to_row(influencer)))
        await self._insert_audience_countries([influencer])

    async def save(self, influencer: Influencer, snapshots: Sequence[Snapshot]) -> None:
        row = {k: v for k, v in to_row(influencer).items() if k not in _UPSERT_KEEP}
        await self.session.execute(influencers.update().where(influencers.c.id == influencer.id).values(row))
        await self._delete_audience_countries([influencer.id])
        await self._insert_audience_countries([influencer])
        if snapshots:
            await self.session.execute(
                insert(influencer_snapshots), [snapshot_row(influencer.id, s) for s in snapshots]
            )

    async def upsert_many(
        self,
        created: Sequence[Influencer],
        changed: Sequence[Influencer],
        snapshots: Sequence[tuple[UUID, Snapshot]],
    ) -> None:
        """One upsert for the batch: INSERT … ON CONFLICT (catalogue, platform, handle) DO UPDATE, and
        only where the content changed. On PostgreSQL the rows reach a temporary staging table by
        COPY first: binding 50 columns per row through executemany costs more than the insert itself."""
        batch = [*created, *changed]
        if not batch:
            return
        rows = [to_row(i) for i in batch]
        statement = _upsert(postgresql if self._postgres else sqlite)
        if self._postgres:
            await self.session.execute(_CREATE_STAGING)
            await self._copy(_STAGING.name, _ROW_COLUMNS, [_record(row) for row in rows])
            await self.session.execute(statement.from_select(_ROW_COLUMNS, select(_STAGING)))
        else:
            await self.session.execute(statement, rows)
        if changed:
            await self._delete_audience_countries([i.id for i in changed])
        await self._insert_audience_countries(batch)
        if snapshots:
            await self._insert(influencer_snapshots, _SNAPSHOT_COLUMNS, [snapshot_row(i, s) for i, s in snapshots])

    async def _copy(self, table: str, columns: Sequence[str], records: Sequence[Sequence[Any]]) -> None:
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(table, records=records, columns=list(columns))

    async def _insert(self, table: Table, columns: Sequence[str], rows: list[dict[str, Any]]) -> None:
        if self._postgres:
            await self._copy(table.name, columns, [tuple(row[c] for c in columns) for row in rows])
        else:
            await self.session.execute(insert(table), rows)

    async def _delete_audience_countries(self, influencer_ids: Sequence[UUID]) -> None:
        await self.session.execute(
            delete(audience_countries).where(audience_countries.c.influencer_id.in_(list(influencer_ids)))
        )

    async def _insert_audience_countries(self, batch: Sequence[Influencer]) -> None:
        rows = [
            {"influencer_id": i.id, "country": country, "share": share}
            for i in batch
            for country, share in i.facts.audience.countries.items()
        ]
        if rows:
            await self._insert(audience_countries, ("influencer_id", "country", "share"), rows)

    def _conditions(self, filters: SearchFilters) -> list[ColumnElement[bool]]:
        c = influencers.c
        where: list[ColumnElement[bool]] = [self._visible()]
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
            where.append(or_(*(self._has_category(category) for category in filters.categories)))
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
                where.append(c.search_text.like(f"%{_escape_like(term)}%", escape="\\"))
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

    def _has_category(self, category: str) -> ColumnElement[bool]:
        if self._postgres:
            return type_coerce(influencers.c.categories, JSONB).contains([category])
        each = func.json_each(influencers.c.categories).table_valued("value").alias("category")
        return exists(select(literal(1)).select_from(each).where(each.c.value == category))

    async def search(
        self, filters: SearchFilters, sort: Sort, *, limit: int, after: list[object] | None
    ) -> Sequence[Influencer]:
        """One page in the sort order, keyset-paginated on (sort key, id)."""
        column_name, descending = _SORTS[sort]
        key = influencers.c[column_name]
        query = select(influencers).where(*self._conditions(filters))
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
        rows = await self.session.execute(query.limit(limit))
        return [from_row(row) for row in rows]

    def search_statement(self, filters: SearchFilters, sort: Sort, limit: int) -> Select[Any]:
        """The page query without a cursor (for EXPLAIN in the benchmarks)."""
        column_name, descending = _SORTS[sort]
        key = influencers.c[column_name]
        order = (key.desc(), influencers.c.id.desc()) if descending else (key.asc(), influencers.c.id.asc())
        return select(influencers).where(*self._conditions(filters)).order_by(*order).limit(limit)

    def candidate_statements(
        self, filters: SearchFilters, *, target_countries: Sequence[str], pool: int, with_text: bool = False
    ) -> list[Select[Any]]:
        """Ranked search retrieves a bounded pool through index-ordered queries: the best by prior
        score among all that pass the filters; for each of the (three heaviest) target countries,
        the profiles with the largest audience share there, and the best by prior score based there.
        One query per country, so that each walks its index in order instead of sorting."""
        where = self._conditions(filters)
        columns = _candidate_columns(with_text, target_countries)
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
                select(*columns)
                .join(top_shares, top_shares.c.influencer_id == influencers.c.id)
                .where(*where)
                .limit(each)
            )
            statements.append(
                select(*columns)
                .where(*where, influencers.c.country == country)
                .order_by(influencers.c.prior_score.desc())
                .limit(each)
            )
        return statements

    async def candidates(
        self, filters: SearchFilters, *, target_countries: Sequence[str], pool: int, with_text: bool = False
    ) -> CandidatePool:
        statements = self.candidate_statements(
            filters, target_countries=target_countries, pool=pool, with_text=with_text
        )
        combined = union_all(*(select(s.subquery(f"channel_{i}")) for i, s in enumerate(statements)))
        rows: dict[UUID, Any] = {}
        for row in await self.session.execute(combined):
            rows.setdefault(row[0], row)
        return pool_from_rows(list(rows.values()), target_countries)

    async def _country_shares(
        self, influencer_ids: Sequence[UUID], countries: Sequence[str] | None
    ) -> dict[UUID, dict[str, float]]:
        if not influencer_ids:
            return {}
        t = audience_countries
        ids = list(influencer_ids)
        by_id = (
            t.c.influencer_id == func.any(bindparam("ids", ids, type_=ARRAY(Uuid)))
            if self._postgres
            else t.c.influencer_id.in_(ids)
        )
        query = select(t.c.influencer_id, t.c.country, t.c.share).where(by_id)
        if countries is not None:
            query = query.where(t.c.country.in_(list(countries)))
        found: dict[UUID, dict[str, float]] = {}
        for row in await self.session.execute(query):
            found.setdefault(row.influencer_id, {})[row.country] = row.share
        return found

    async def audience_countries(self, influencer_ids: Sequence[UUID]) -> dict[UUID, dict[str, float]]:
        return await self._country_shares(influencer_ids, None)

    async def candidate(self, influencer_id: UUID) -> Candidate | None:
        rows = (
            await self.session.execute(
                select(*_candidate_columns(True, ())).where(influencers.c.id == influencer_id, self._visible())
            )
        ).all()
        found = pool_from_rows(list(rows), ())
        return found.candidate(0) if len(found) else None

    async def lookalike_candidates(self, source: Influencer, *, any_platform: bool, pool: int) -> CandidatePool:
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
        rows: dict[UUID, Any] = {}
        for filters in channels:
            statement = (
                select(*_candidate_columns(True, ()))
                .where(*self._conditions(filters))
                .order_by(influencers.c.prior_score.desc())
                .limit(share)
            )
            for row in await self.session.execute(statement):
                rows.setdefault(row[0], row)
        top_countries = sorted(facts.audience.countries.items(), key=lambda kv: -kv[1])[:3]
        if top_countries:
            top_shares = (
                select(audience_countries.c.influencer_id)
                .where(audience_countries.c.country.in_([c for c, _ in top_countries]))
                .order_by(audience_countries.c.share.desc())
                .limit(share * 2)
                .subquery("top_shares")
            )
            statement = (
                select(*_candidate_columns(True, ()))
                .join(top_shares, top_shares.c.influencer_id == influencers.c.id)
                .where(*self._conditions(base))
                .limit(share)
            )
            for row in await self.session.execute(statement):
                rows.setdefault(row[0], row)
        return pool_from_rows(list(rows.values()), ())

    async def performance(self, influencer_id: UUID) -> Sequence[PerformanceRecord]:
        return await performance_records_of(self.session, influencer_id)


_ROW_COLUMNS = [c.name for c in influencers.c]
_JSON_COLUMNS = frozenset({"categories", "audience", "rate_card", "past_sponsors", "contact"})
_SNAPSHOT_COLUMNS = ("influencer_id", "taken_at", *_SNAPSHOT_FIELDS)
_STAGING = Table("influencers_staging", MetaData(), *(Column(c.name, c.type) for c in influencers.c))
_CREATE_STAGING = text(
    "CREATE TEMPORARY TABLE IF NOT EXISTS influencers_staging "
    "(LIKE influencers INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
)


_JSON_POSITIONS = [i for i, c in enumerate(_ROW_COLUMNS) if c in _JSON_COLUMNS]


def _record(row: dict[str, Any]) -> list[Any]:
    """A row as COPY takes it: values in column order, JSON columns as text."""
    values = [row[c] for c in _ROW_COLUMNS]
    for i in _JSON_POSITIONS:
        if values[i] is not None:
            values[i] = orjson.dumps(values[i]).decode()
    return values


def _upsert(dialect: Any) -> Any:
    statement = dialect.insert(influencers)
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["catalogue_id", "platform", "handle"],
        set_={c.name: excluded[c.name] for c in influencers.c if c.name not in _UPSERT_KEEP},
        where=influencers.c.content_hash != excluded.content_hash,
    )


def _snapshot(row: Any) -> Snapshot:
    return Snapshot(taken_at=row.taken_at, **{name: getattr(row, name) for name in _SNAPSHOT_FIELDS})


async def performance_records_of(session: AsyncSession, influencer_id: UUID) -> list[PerformanceRecord]:
    t = performance_records
    rows = await session.execute(select(t).where(t.c.influencer_id == influencer_id).order_by(t.c.scope))
    return [
        PerformanceRecord(
            influencer_id=row.influencer_id,
            scope=row.scope,
            tenant_id=row.tenant_id,
            posts=row.posts,
            impressions=row.impressions,
            engagements=row.engagements,
            clicks=row.clicks,
            conversions=row.conversions,
            engagement_rate=row.engagement_rate,
            roi=row.roi,
            measured_at=row.measured_at,
        )
        for row in rows
    ]


def _cursor_values(column_name: str, after: list[object]) -> tuple[object, UUID]:
    """Raises ValueError for a cursor that does not fit the sort."""
    if len(after) != 2:
        raise ValueError("cursor holds two values")
    value, last_id = after
    if column_name == "created_at":
        parsed: object = datetime.fromisoformat(str(value))
    elif column_name == "followers":
        parsed = int(str(value))
    else:
        parsed = float(str(value))
    return parsed, UUID(str(last_id))
