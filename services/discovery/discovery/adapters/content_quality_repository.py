"""What a profile's posts give it: content quality (its score, parts and coverage) and the words of
its recent posts; and the `influencer.updated` events telling of it.

What ranking reads is stored on the profile, apart from its own columns (tables.POSTS_DERIVED),
which imports and edits write: neither touches these; what only the profile's page reads (the
parts with their reasons, the captions' text) in influencer_post_details."""

from collections.abc import Sequence
from itertools import groupby
from typing import Any
from uuid import UUID

from sqlalchemy import Text, bindparam, cast, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.discovery import InfluencerUpdated
from discovery.adapters.dialect import dialect_of
from discovery.adapters.profile_notices import profile_events
from discovery.adapters.tables import influencer_post_details, influencers
from discovery.domain.content_quality import ContentQuality, Part, PostsDerived, StoredContentQuality
from discovery.domain.profiles import SHARED_CATALOGUE
from servicekit.outbox import Outbox


def quality_record(quality: ContentQuality) -> dict[str, Any]:
    return {"score": quality.score, "parts": [[p.signal, p.score, p.detail] for p in quality.parts]}


def _quality(record: dict[str, Any]) -> ContentQuality:
    return ContentQuality(score=record["score"], parts=[Part(*part) for part in record["parts"]])


_DETAIL_COLUMNS = ("content_quality_detail", "content_quality_at", "post_text")


class ContentQualityRepository:
    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        self.session = session
        self.outbox = outbox

    async def store(self, derived: Sequence[PostsDerived]) -> None:
        """Stores each profile's figures and tells of them, per catalogue."""
        if not derived:
            return
        c = influencers.c
        # Only the rows whose figures changed: on PostgreSQL each row written is a new version of the
        # whole row in every index of the profiles' table, and dead until vacuumed.
        statement = (
            update(influencers)
            .where(
                c.id == bindparam("b_row_id"),
                or_(
                    c.content_quality.is_distinct_from(bindparam("b_quality")),
                    c.content_quality_not_assessed.is_distinct_from(bindparam("b_missing")),
                    c.post_terms.is_distinct_from(bindparam("b_terms")),
                ),
            )
            .values(
                content_quality=bindparam("b_quality"),
                content_quality_not_assessed=bindparam("b_missing"),
                post_terms=bindparam("b_terms"),
            )
        )
        rows = [
            {
                "b_row_id": d.influencer_id,
                "b_quality": float(d.quality.score),
                "b_missing": ",".join(d.quality.not_assessed),
                "b_terms": d.document.terms,
            }
            for d in derived
        ]
        await self.session.execute(statement.execution_options(synchronize_session=False), rows)
        # The detail too only where its parts, reasons or text changed: its time is then that of
        # the last change (JSON compared as its text: PostgreSQL's json type has no equality).
        d = influencer_post_details.c
        details = dialect_of(self.session).insert(influencer_post_details)
        new = details.excluded
        details = details.on_conflict_do_update(
            index_elements=[d.influencer_id],
            set_={name: new[name] for name in _DETAIL_COLUMNS},
            where=or_(
                cast(d.content_quality_detail, Text).is_distinct_from(cast(new.content_quality_detail, Text)),
                d.post_text.is_distinct_from(new.post_text),
            ),
        )
        await self.session.execute(
            details,
            [
                {
                    "influencer_id": d.influencer_id,
                    "content_quality_detail": quality_record(d.quality),
                    "content_quality_at": d.assessed_at,
                    "post_text": d.document.text,
                }
                for d in derived
            ],
        )
        events = []
        for catalogue_id, group in groupby(sorted(derived, key=lambda d: d.catalogue_id), lambda d: d.catalogue_id):
            org = None if catalogue_id == SHARED_CATALOGUE else str(catalogue_id)
            profiles = [_scores(d, org) for d in group]
            events.extend(profile_events(self.outbox, catalogue_id, profiles, InfluencerUpdated))
        await self.outbox.add_envelopes(self.session, events)

    async def of_profile(self, influencer_id: UUID) -> StoredContentQuality | None:
        d = influencer_post_details.c
        row = (
            await self.session.execute(
                select(d.content_quality_detail, d.content_quality_at).where(d.influencer_id == influencer_id)
            )
        ).first()
        if row is None:
            return None
        return StoredContentQuality(_quality(row.content_quality_detail), row.content_quality_at)


def _scores(d: PostsDerived, org: str | None) -> dict[str, Any]:
    coverage = d.quality.coverage
    return {
        "influencer_id": str(d.influencer_id),
        "org_id": org,
        "content_quality": {
            "score": d.quality.score,
            "assessed": coverage.assessed,
            "of": coverage.of,
            "missing": list(coverage.missing),
        },
        "assessed_at": d.assessed_at.isoformat(),
    }
