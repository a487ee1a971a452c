"""Profiles in SQL: one org sees the shared catalogue and its own; searches and ranking candidates."""

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

import numpy as np
import numpy.typing as npt
import orjson
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Select,
    String,
    Table,
    Text,
    Uuid,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB, TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters.tables import (
    AGE_COLUMNS,
    GENDER_COLUMNS,
    audience_countries,
    influencer_snapshots,
    influencer_tags,
    influencers,
)
from discovery.domain.imports import ProfileChanges, StaleProfiles
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
    ProfileKey,
    RateCard,
    Snapshot,
    StoredProfile,
    fingerprint,
)
from discovery.domain.ranking import Candidate, CandidatePool
from discovery.domain.search import SearchFilters, Sort, Visibility, query_terms, search_name
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
    influencers.c.authenticity_not_assessed,
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


# The expression of the GIN index on terms (migration 0003), spelled as the index is.
_TERMS = func.array_to_tsvector(func.string_to_array(influencers.c.terms, literal_column("' '")))


def search_text(facts: ProfileFacts) -> str:
    return _search_text(facts.handle, facts.display_name, facts.bio, facts.categories)


def _search_text(handle: str, display_name: str | None, bio: str | None, categories: Sequence[str]) -> str:
    parts = [handle, display_name or "", bio or "", " ".join(categories)]
    return " ".join(p for p in parts if p).lower()


def _same(value: Any) -> Any:
    return value


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode() if value else _EMPTY_JSON[type(value)]


_EMPTY_JSON = {tuple: "[]", list: "[]", dict: "{}"}


def _values(
    influencer: Influencer, json: Callable[[Any], Any], key: Callable[[UUID], Any], *, text: bool = True
) -> list[Any]:
    """The profile's row in column order; `json` renders the JSON columns and `key` the ids (as
    SQLAlchemy takes them, or as COPY does: JSON text, ids as text, which pickle the fastest)."""
    facts = influencer.facts
    audience = facts.audience
    ages = audience.ages
    genders = audience.genders
    card = facts.rate_card
    rate = influencer.engagement_rate
    created_by = influencer.created_by
    return [
        key(influencer.id),
        key(influencer.catalogue_id),
        facts.platform.value,
        facts.handle,
        facts.display_name,
        facts.bio,
        json(facts.categories),
        facts.country,
        facts.language,
        facts.followers,
        facts.following,
        facts.posts,
        facts.avg_likes,
        facts.avg_comments,
        facts.avg_views,
        facts.avg_shares,
        facts.avg_engagements,
        facts.reported_engagement_rate,
        rate,
        influencer.engagement_rate_source,
        -1.0 if rate is None else rate,
        influencer.tier.value,
        json({"ages": ages, "genders": genders, "countries": audience.countries}),
        *([ages.get(bucket, 0.0) for bucket in AGE_BUCKETS] if ages else _NO_AGES),
        *([genders.get(gender, 0.0) for gender in GENDERS] if genders else _NO_GENDERS),
        bool(audience.countries),
        None if card is None else json({"currency": card.currency, "prices": card.prices}),
        None if card is None else card.reference_price,
        None if card is None else card.currency,
        json(facts.past_sponsors),
        json(facts.contact.as_dict()),
        facts.last_refreshed_at,
        float(influencer.authenticity_score),
        ",".join(influencer.authenticity_not_assessed),
        influencer.performance_score,
        influencer.prior_score,
        search_text(facts) if text else None,
        search_name(facts.handle, facts.display_name) if text else None,
        profile_document(facts.display_name, facts.bio, facts.categories, facts.past_sponsors).terms if text else None,
        fingerprint(facts),
        None if created_by is None else key(created_by),
        influencer.created_at,
        influencer.updated_at,
    ]


_NO_AGES = (None,) * len(AGE_BUCKETS)
_NO_GENDERS = (None,) * len(GENDERS)


def to_row(influencer: Influencer) -> dict[str, Any]:
    row = dict(zip(_ROW_COLUMNS, _values(influencer, _same, _same), strict=True))
    row["categories"] = list(row["categories"])
    row["past_sponsors"] = list(row["past_sponsors"])
    return row


def _hex(key: UUID) -> str:
    return key.hex


def copy_record(influencer: Influencer) -> tuple[Any, ...]:
    """The profile's row as COPY takes it (ids as hexadecimal text, which asyncpg reads), but for
    its search texts, which `with_search_texts` fills in."""
    return tuple(_values(influencer, _json_text, _hex, text=False))


def with_search_texts(record: tuple[Any, ...]) -> tuple[Any, ...]:
    """A COPY record with the search texts filled in from its own columns (see ChangeRows)."""
    handle, name, bio = record[_AT_HANDLE], record[_AT_NAME], record[_AT_BIO]
    categories: list[str] = orjson.loads(record[_AT_CATEGORIES])
    sponsors: list[str] = orjson.loads(record[_AT_SPONSORS])
    values = list(record)
    values[_AT_SEARCH_TEXT] = _search_text(handle, name, bio, categories)
    values[_AT_SEARCH_NAME] = search_name(handle, name)
    values[_AT_TERMS] = profile_document(name, bio, categories, sponsors).terms
    return tuple(values)


def from_row(row: Any) -> Influencer:
    card = row.rate_card
    audience = row.audience
    contact = row.contact
    facts = ProfileFacts.of(
        PLATFORMS[row.platform],
        row.handle,
        row.followers,
        {
            "display_name": row.display_name,
            "bio": row.bio,
            "categories": tuple(row.categories),
            "country": row.country,
            "language": row.language,
            "following": row.following,
            "posts": row.posts,
            "avg_likes": row.avg_likes,
            "avg_comments": row.avg_comments,
            "avg_views": row.avg_views,
            "avg_shares": row.avg_shares,
            "avg_engagements": row.avg_engagements,
            "reported_engagement_rate": row.reported_engagement_rate,
            "audience": Audience.from_dict(audience) if _has_audience(audience) else _NO_AUDIENCE,
            "rate_card": RateCard(currency=card["currency"], prices=dict(card["prices"])) if card else None,
            "past_sponsors": tuple(row.past_sponsors),
            "contact": Contact(**contact) if contact else _NO_CONTACT,
            "last_refreshed_at": row.last_refreshed_at,
        },
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
        authenticity_not_assessed=signals(row.authenticity_not_assessed),
    )


def signals(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(",")) if stored else ()


_NO_AUDIENCE = Audience()
_NO_CONTACT = Contact()


def _has_audience(audience: dict[str, Any] | None) -> bool:
    return bool(audience) and any(audience.values())  # type: ignore[union-attr]


def _stored_parts(row: Any) -> list[Any]:
    """fingerprint_parts of from_row(row).facts, from the row's columns as they are."""
    audience = row.audience or {}
    card = row.rate_card
    return [
        row.platform,
        row.handle,
        row.followers,
        row.display_name,
        row.bio,
        row.categories,
        row.country,
        row.language,
        row.following,
        row.posts,
        row.avg_likes,
        row.avg_comments,
        row.avg_views,
        row.avg_shares,
        row.avg_engagements,
        row.reported_engagement_rate,
        audience.get("ages") or {},
        audience.get("genders") or {},
        audience.get("countries") or {},
        [card["currency"], card["prices"]] if card else None,
        row.past_sponsors,
        {k: v for k, v in row.contact.items() if v},
        row.last_refreshed_at,
    ]


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
        authenticity_not_assessed=list(map(signals, columns[21])),
        country_shares=[
            {c: share for c, share in zip(share_countries, row[25:], strict=True) if share is not None} for row in rows
        ],
        documents=list(map(ProfileText, columns[22], columns[23])),
        prior=floats(24),
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
        return {key: from_row(row) for key, row in (await self._by_key(catalogue_id, keys, influencers.c)).items()}

    async def import_targets(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, StoredProfile]:
        rows = await self._by_key(catalogue_id, keys, _TARGET_COLUMNS)
        return {
            key: StoredProfile(row.id, row.content_hash, _stored_parts(row), partial(from_row, row))
            for key, row in rows.items()
        }

    async def _by_key(self, catalogue_id: UUID, keys: Sequence[ProfileKey], columns: Any) -> dict[ProfileKey, Any]:
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
            query = (
                select(*columns)
                .select_from(influencers)
                .join(
                    unnested,
                    and_(influencers.c.platform == unnested.c.platform, influencers.c.handle == unnested.c.handle),
                )
            )
        else:
            query = (
                select(*columns)
                .select_from(influencers)
                .where(
                    influencers.c.platform.in_(sorted({p.value for p, _ in wanted})),
                    influencers.c.handle.in_(sorted({h for _, h in wanted})),
                )
            )
        rows = await self.session.execute(query.where(influencers.c.catalogue_id == catalogue_id))
        found: dict[ProfileKey, Any] = {}
        for row in rows:
            key = (PLATFORMS[row.platform], row.handle)
            if key in wanted:
                found[key] = row
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

    async def write_changes(self, changes: ProfileChanges) -> None:
        if self._postgres:
            await self.write_rows(change_rows(changes))
            return
        if changes.created:
            await self.session.execute(insert(influencers), [to_row(i) for i in changes.created])
        for update in changes.updated:
            before = update.before
            row = {k: v for k, v in to_row(update.after).items() if k not in _UPSERT_KEEP}
            result = await self.session.execute(
                influencers.update()
                .where(
                    influencers.c.id == before.id,
                    influencers.c.updated_at == before.updated_at,
                    influencers.c.performance_score.is_not_distinct_from(before.performance_score),
                )
                .values(row)
            )
            if result.rowcount != 1:
                raise StaleProfiles(before.id)
        replaced = _audience_replaced(changes)
        if replaced:
            await self._delete_audience_countries([i.id for i in replaced])
        await self._insert_audience_countries([*changes.created, *replaced])
        if changes.snapshots:
            await self.session.execute(insert(influencer_snapshots), [snapshot_row(i, s) for i, s in changes.snapshots])

    async def write_rows(self, rows: "ChangeRows") -> None:
        """A chunk's changes on PostgreSQL, by COPY: new profiles straight into the table (a handle
        taken meanwhile fails the chunk, which is then read again); updates through a staging table,
        applied only to the profiles still as they were read."""
        connection = await self._driver()
        if rows.created:
            created = [with_search_texts(record) for record in rows.created]
            await connection.copy_records_to_table("influencers", records=created, columns=_ROW_COLUMNS)
        if rows.updated:
            updated = [with_search_texts(record) for record in rows.updated]
            await connection.execute(_CREATE_CHANGES)
            await connection.copy_records_to_table(_CHANGES, records=updated, columns=_CHANGE_COLUMNS)
            status = await connection.execute(_APPLY_CHANGES)
            if int(status.rsplit(" ", 1)[1]) != len(rows.updated):
                raise StaleProfiles()
            # Emptied at once, not at commit: a chunk written in parts stages each part alone.
            await connection.execute(f"DELETE FROM {_CHANGES}")
        if rows.audience_replaced:
            await connection.execute(
                "DELETE FROM audience_countries WHERE influencer_id = ANY($1::uuid[])", rows.audience_replaced
            )
        if rows.audience:
            await connection.copy_records_to_table("audience_countries", records=rows.audience, columns=_AUDIENCE)
        if rows.snapshots:
            await connection.copy_records_to_table(
                "influencer_snapshots", records=rows.snapshots, columns=_SNAPSHOT_COLUMNS
            )

    async def _driver(self) -> Any:
        """The asyncpg connection under the session, inside the session's transaction."""
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        return raw.driver_connection

    async def _copy(self, table: str, columns: Sequence[str], records: Sequence[Sequence[Any]]) -> None:
        connection = await self._driver()
        await connection.copy_records_to_table(table, records=records, columns=list(columns))

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
        in_name = influencers.c.search_name.like(f"%{_escape_like(word)}%", escape="\\")
        terms = query_terms(word)
        if not terms:
            return in_name
        if self._postgres:
            query = " & ".join("'" + t.replace("'", "''") + "':*" for t in terms)
            return or_(in_name, _TERMS.op("@@")(cast(literal(query, Text), TSQUERY)))
        padded = literal(" ") + influencers.c.terms
        return or_(in_name, and_(*(padded.like(f"% {_escape_like(t)}%", escape="\\") for t in terms)))

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


_ROW_COLUMNS = [c.name for c in influencers.c]
(_AT_HANDLE, _AT_NAME, _AT_BIO, _AT_CATEGORIES, _AT_SPONSORS, _AT_SEARCH_TEXT, _AT_SEARCH_NAME, _AT_TERMS) = (
    _ROW_COLUMNS.index(name)
    for name in (
        "handle",
        "display_name",
        "bio",
        "categories",
        "past_sponsors",
        "search_text",
        "search_name",
        "terms",
    )
)
# Where a COPY record holds who the profile is: id (hexadecimal), platform, handle, name, version.
IDENTITY_AT = tuple(_ROW_COLUMNS.index(name) for name in ("id", "platform", "handle", "display_name", "updated_at"))
# What an import reads of the profiles its rows name: what from_row and the fingerprint need.
_TARGET_COLUMNS = [
    c
    for c in influencers.c
    if c.name not in {"search_text", "search_name", "terms", "engagement_sort", "price_minor"}
    and c.name not in {"price_currency", "audience_countries_known", *AGE_COLUMNS, *GENDER_COLUMNS}
]
_SNAPSHOT_COLUMNS = ("influencer_id", "taken_at", *_SNAPSHOT_FIELDS)
_AUDIENCE = ("influencer_id", "country", "share")
_CHANGES = "influencer_changes"
_CHANGE_COLUMNS = [*_ROW_COLUMNS, "expected_updated_at", "expected_performance"]
_CREATE_CHANGES = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_CHANGES} (LIKE influencers INCLUDING DEFAULTS, "
    "expected_updated_at timestamptz, expected_performance double precision) ON COMMIT DELETE ROWS"
)
_APPLY_CHANGES = (
    "UPDATE influencers SET "
    + ", ".join(f"{c} = c.{c}" for c in _ROW_COLUMNS if c not in _UPSERT_KEEP)
    + f" FROM {_CHANGES} AS c WHERE influencers.id = c.id AND influencers.updated_at = c.expected_updated_at"
    " AND influencers.performance_score IS NOT DISTINCT FROM c.expected_performance"
)


@dataclass
class ChangeRows:
    """A chunk's changes as COPY records: plain values, cheap to pickle from the process that
    works them out to the one that writes them. Their search texts are left out (None) and filled
    in by the writer (write_rows), which has time to spare while the planning process is busy."""

    created: list[tuple[Any, ...]]
    # Each with the updated_at and performance_score the profile had when read.
    updated: list[tuple[Any, ...]]
    audience_replaced: list[str]
    audience: list[tuple[str, str, float]]
    snapshots: list[tuple[Any, ...]]

    def ids(self) -> list[str]:
        return [record[0] for record in (*self.created, *self.updated)]

    def only(self, ids: Collection[str]) -> "ChangeRows":
        """The records of these profiles (ids as hexadecimal text) alone."""
        keep = set(ids)
        return ChangeRows(
            created=[r for r in self.created if r[0] in keep],
            updated=[r for r in self.updated if r[0] in keep],
            audience_replaced=[i for i in self.audience_replaced if i in keep],
            audience=[r for r in self.audience if r[0] in keep],
            snapshots=[r for r in self.snapshots if r[0] in keep],
        )


def _audience_replaced(changes: ProfileChanges) -> list[Influencer]:
    return [u.after for u in changes.updated if u.after.facts.audience.countries != u.before.facts.audience.countries]


def change_rows(changes: ProfileChanges) -> ChangeRows:
    replaced = _audience_replaced(changes)
    return ChangeRows(
        created=[copy_record(i) for i in changes.created],
        updated=[(*copy_record(u.after), u.before.updated_at, u.before.performance_score) for u in changes.updated],
        audience_replaced=[i.id.hex for i in replaced],
        audience=[
            (key, country, share)
            for i in (*changes.created, *replaced)
            if i.facts.audience.countries
            for key in (i.id.hex,)
            for country, share in i.facts.audience.countries.items()
        ],
        snapshots=[(i.hex, s.taken_at, *(getattr(s, name) for name in _SNAPSHOT_FIELDS)) for i, s in changes.snapshots],
    )


def _snapshot(row: Any) -> Snapshot:
    return Snapshot(taken_at=row.taken_at, **{name: getattr(row, name) for name in _SNAPSHOT_FIELDS})


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
