"""Profiles in SQL: one org sees the shared catalogue and its own. The rows are mapped in
profile_rows.py, the searches built in profile_search.py and ranking_candidates.py, an import's
chunks written by bulk_writer.py; what differs between databases is in dialect.py."""

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

from sqlalchemy import Select, Uuid, delete, insert, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from discovery.adapters import bulk_writer
from discovery.adapters.dialect import dialect_of
from discovery.adapters.profile_rows import (
    TARGET_COLUMNS,
    UPSERT_KEEP,
    audience_rows,
    from_row,
    snapshot_of_row,
    snapshot_row,
    stored_parts,
    to_row,
)
from discovery.adapters.profile_search import ProfileQueries
from discovery.adapters.ranking_candidates import (
    candidate_columns,
    candidate_statements,
    lookalike_statements,
    pool_from_rows,
)
from discovery.adapters.tables import audience_countries, influencer_snapshots, influencers
from discovery.domain.content_quality import QualitySubject
from discovery.domain.facts import Snapshot
from discovery.domain.imports import ProfileChanges
from discovery.domain.post_import import PostOwner
from discovery.domain.profiles import PLATFORMS, TIERS, Influencer, ProfileKey, StoredProfile
from discovery.domain.ranking import Candidate, CandidatePool
from discovery.domain.search import SearchFilters, Sort

_AUDIENCE = ("influencer_id", "country", "share")


class InfluencerRepository:
    """Every read is scoped to the shared catalogue and the org's own; writes name their catalogue."""

    def __init__(self, session: AsyncSession, tenant_id: UUID) -> None:
        self.session = session
        self.tenant_id = tenant_id
        self.dialect = dialect_of(session)
        self.queries = ProfileQueries(tenant_id, self.dialect)

    async def get(self, influencer_id: UUID, *, for_update: bool = False) -> Influencer | None:
        query = select(influencers).where(influencers.c.id == influencer_id, self.queries.visible())
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return from_row(row) if row else None

    async def many(self, influencer_ids: Sequence[UUID]) -> dict[UUID, Influencer]:
        if not influencer_ids:
            return {}
        rows = await self.session.execute(
            select(influencers).where(influencers.c.id.in_(list(influencer_ids)), self.queries.visible())
        )
        return {row.id: from_row(row) for row in rows}

    async def quality_subjects(self, influencer_ids: Sequence[UUID]) -> dict[UUID, QualitySubject]:
        # Five columns: the whole row (its JSON decoded, a profile built) was a fifth of a posts
        # import's content quality pass.
        if not influencer_ids:
            return {}
        c = influencers.c
        rows = await self.session.execute(
            select(c.id, c.catalogue_id, c.platform, c.followers, c.tier).where(
                c.id.in_(list(influencer_ids)), self.queries.visible()
            )
        )
        return {
            r.id: QualitySubject(r.id, r.catalogue_id, PLATFORMS[r.platform], r.followers, TIERS[r.tier]) for r in rows
        }

    async def in_catalogue(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, Influencer]:
        return {key: from_row(row) for key, row in (await self._by_key(catalogue_id, keys, influencers.c)).items()}

    async def post_owners(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, PostOwner]:
        c = influencers.c
        rows = await self._by_key(catalogue_id, keys, (c.id, c.platform, c.handle, c.past_sponsors))
        return {key: PostOwner(row.id, tuple(row.past_sponsors or ())) for key, row in rows.items()}

    async def import_targets(self, catalogue_id: UUID, keys: Sequence[ProfileKey]) -> dict[ProfileKey, StoredProfile]:
        rows = await self._by_key(catalogue_id, keys, TARGET_COLUMNS)
        return {
            key: StoredProfile(row.id, row.content_hash, stored_parts(row), partial(from_row, row))
            for key, row in rows.items()
        }

    async def _by_key(self, catalogue_id: UUID, keys: Sequence[ProfileKey], columns: Any) -> dict[ProfileKey, Any]:
        if not keys:
            return {}
        wanted = set(keys)
        query = self.dialect.with_keys(
            select(*columns).select_from(influencers), [(platform.value, handle) for platform, handle in wanted]
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
            found.setdefault(row.influencer_id, []).append(snapshot_of_row(row))
        return found

    async def snapshots(self, influencer_id: UUID, *, limit: int, before: datetime | None) -> Sequence[Snapshot]:
        t = influencer_snapshots
        query = select(t).where(t.c.influencer_id == influencer_id)
        if before is not None:
            query = query.where(t.c.taken_at < before)
        rows = await self.session.execute(query.order_by(t.c.taken_at.desc(), t.c.id.desc()).limit(limit))
        return [snapshot_of_row(row) for row in rows]

    async def add(self, influencer: Influencer) -> None:
        await self.session.execute(insert(influencers).values(to_row(influencer)))
        await self._insert_audience_countries([influencer])

    async def save(self, influencer: Influencer, snapshots: Sequence[Snapshot]) -> None:
        row = {k: v for k, v in to_row(influencer).items() if k not in UPSERT_KEEP}
        await self.session.execute(influencers.update().where(influencers.c.id == influencer.id).values(row))
        await self.session.execute(
            delete(audience_countries).where(audience_countries.c.influencer_id.in_([influencer.id]))
        )
        await self._insert_audience_countries([influencer])
        if snapshots:
            await self.session.execute(
                insert(influencer_snapshots), [snapshot_row(influencer.id, s) for s in snapshots]
            )

    async def write_changes(self, changes: ProfileChanges) -> None:
        """Creates and updates profiles in bulk; raises StaleProfiles (writing nothing more) if an
        updated profile is no longer as it was read."""
        if self.dialect.is_postgres:
            await bulk_writer.write_by_copy(self.session, bulk_writer.change_rows(changes))
        else:
            await bulk_writer.write_by_statements(self.session, changes)

    async def write_rows(self, rows: bulk_writer.ChangeRows) -> None:
        """A chunk's changes worked out by the import's planning process (PostgreSQL)."""
        await bulk_writer.write_by_copy(self.session, rows)

    async def _insert_audience_countries(self, batch: Sequence[Influencer]) -> None:
        rows = audience_rows(batch)
        if rows:
            await self.dialect.insert_rows(audience_countries, _AUDIENCE, rows)

    async def search(
        self, filters: SearchFilters, sort: Sort, *, limit: int, after: list[object] | None
    ) -> Sequence[Influencer]:
        """One page in the sort order, keyset-paginated on (sort key, id)."""
        rows = await self.session.execute(self.queries.page(filters, sort, limit=limit, after=after))
        return [from_row(row) for row in rows]

    def search_statement(self, filters: SearchFilters, sort: Sort, limit: int) -> Select[Any]:
        """The page query without a cursor (for EXPLAIN in the benchmarks)."""
        return self.queries.page(filters, sort, limit=limit, after=None)

    def candidate_statements(
        self, filters: SearchFilters, *, target_countries: Sequence[str], pool: int, with_text: bool = False
    ) -> list[Select[Any]]:
        """Ranked search's retrieval queries (see ranking_candidates.candidate_statements)."""
        return candidate_statements(
            self.queries, filters, target_countries=target_countries, pool=pool, with_text=with_text
        )

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

    async def audience_countries(self, influencer_ids: Sequence[UUID]) -> dict[UUID, dict[str, float]]:
        if not influencer_ids:
            return {}
        t = audience_countries
        query = select(t.c.influencer_id, t.c.country, t.c.share).where(
            self.dialect.among(t.c.influencer_id, influencer_ids, Uuid())
        )
        found: dict[UUID, dict[str, float]] = {}
        for row in await self.session.execute(query):
            found.setdefault(row.influencer_id, {})[row.country] = row.share
        return found

    async def candidate(self, influencer_id: UUID) -> Candidate | None:
        rows = (
            await self.session.execute(
                select(*candidate_columns(True, ())).where(influencers.c.id == influencer_id, self.queries.visible())
            )
        ).all()
        found = pool_from_rows(list(rows), ())
        return found.candidate(0) if len(found) else None

    async def lookalike_candidates(self, source: Influencer, *, any_platform: bool, pool: int) -> CandidatePool:
        rows: dict[UUID, Any] = {}
        for statement in lookalike_statements(self.queries, source, any_platform=any_platform, pool=pool):
            for row in await self.session.execute(statement):
                rows.setdefault(row[0], row)
        return pool_from_rows(list(rows.values()), ())
