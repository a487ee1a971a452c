"""Submissions with their review comments, media and posts in SQL (found by id; the domain
decides who may see them, from their deliverable)."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from content.adapters.tables import media, posts, review_comments, submissions
from content.domain.compliance_check import finding_document, finding_from_document
from content.domain.media import Media, MediaKind
from content.domain.posts import Post
from content.domain.submissions import Comment, Decision, MediaRef, Review, Submission, SubmissionStatus


def media_documents(refs: Sequence[MediaRef]) -> list[dict[str, Any]]:
    return [{"media_id": str(r.media_id)} if r.media_id is not None else {"url": r.url} for r in refs]


def media_refs(documents: Sequence[dict[str, Any]]) -> tuple[MediaRef, ...]:
    return tuple(
        MediaRef(media_id=UUID(d["media_id"])) if d.get("media_id") else MediaRef(url=d.get("url")) for d in documents
    )


def _comment(row: Row[Any]) -> Comment:
    span = (row.span_start, row.span_end) if row.span_start is not None else None
    return Comment(row.id, row.body, row.author_id, row.created_at, span, row.at_seconds)


def _submission(row: Row[Any], comments: tuple[Comment, ...]) -> Submission:
    review = None
    if row.decision is not None:
        review = Review(
            decision=Decision(row.decision),
            reviewer_id=row.reviewer_id,
            reviewed_at=row.reviewed_at,
            comments=comments,
            override_reason=row.override_reason,
            overridden=tuple(row.overridden or ()),
        )
    return Submission(
        id=row.id,
        tenant_id=row.tenant_id,
        deliverable_id=row.deliverable_id,
        version=row.version,
        caption=row.caption,
        platform=row.platform,
        format=row.format,
        media=media_refs(row.media),
        brief_version=row.brief_version,
        submitted_at=row.submitted_at,
        submitted_by=row.submitted_by,
        findings=tuple(finding_from_document(f) for f in row.findings),
        checked_at=row.checked_at,
        in_video_disclosure_confirmed=row.in_video_disclosure_confirmed,
        status=SubmissionStatus(row.status),
        review=review,
        notes=row.notes,
    )


def _reviewed(s: Submission) -> dict[str, Any]:
    review = s.review
    return {
        "findings": [finding_document(f) for f in s.findings],
        "blocking": len(s.blocking),
        "checked_at": s.checked_at,
        "in_video_disclosure_confirmed": s.in_video_disclosure_confirmed,
        "status": s.status.value,
        "decision": review.decision.value if review else None,
        "reviewer_id": review.reviewer_id if review else None,
        "reviewed_at": review.reviewed_at if review else None,
        "override_reason": review.override_reason if review else None,
        "overridden": list(review.overridden) if review else None,
    }


class SubmissionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _comments(self, submission_ids: list[UUID]) -> dict[UUID, tuple[Comment, ...]]:
        if not submission_ids:
            return {}
        rows = await self.session.execute(
            select(review_comments)
            .where(review_comments.c.submission_id.in_(submission_ids))
            .order_by(review_comments.c.submission_id, review_comments.c.position)
        )
        found: dict[UUID, list[Comment]] = {}
        for row in rows:
            found.setdefault(row.submission_id, []).append(_comment(row))
        return {key: tuple(value) for key, value in found.items()}

    async def get(self, submission_id: UUID) -> Submission | None:
        row = (await self.session.execute(select(submissions).where(submissions.c.id == submission_id))).first()
        if row is None:
            return None
        return _submission(row, (await self._comments([row.id])).get(row.id, ()))

    async def add(self, s: Submission) -> None:
        await self.session.execute(
            insert(submissions).values(
                id=s.id,
                tenant_id=s.tenant_id,
                deliverable_id=s.deliverable_id,
                version=s.version,
                caption=s.caption,
                platform=s.platform,
                format=s.format,
                media=media_documents(s.media),
                notes=s.notes,
                brief_version=s.brief_version,
                submitted_at=s.submitted_at,
                submitted_by=s.submitted_by,
                **_reviewed(s),
            )
        )

    async def save(self, s: Submission) -> None:
        await self.session.execute(update(submissions).where(submissions.c.id == s.id).values(**_reviewed(s)))
        if s.review is not None and s.review.comments:
            existing = await self._comments([s.id])
            if not existing.get(s.id):
                await self.session.execute(
                    insert(review_comments),
                    [
                        {
                            "id": c.id,
                            "submission_id": s.id,
                            "position": position,
                            "body": c.body,
                            "span_start": c.span[0] if c.span else None,
                            "span_end": c.span[1] if c.span else None,
                            "at_seconds": c.at_seconds,
                            "author_id": c.author_id,
                            "created_at": c.created_at,
                        }
                        for position, c in enumerate(s.review.comments)
                    ],
                )

    async def of_deliverable(self, deliverable_id: UUID, *, limit: int, after: int | None) -> Sequence[Submission]:
        query = select(submissions).where(submissions.c.deliverable_id == deliverable_id)
        if after is not None:
            query = query.where(submissions.c.version < after)
        rows = list(await self.session.execute(query.order_by(submissions.c.version.desc()).limit(limit)))
        comments = await self._comments([row.id for row in rows])
        return [_submission(row, comments.get(row.id, ())) for row in rows]


class MediaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, media_id: UUID) -> Media | None:
        row = (await self.session.execute(select(media).where(media.c.id == media_id))).first()
        if row is None:
            return None
        return Media(
            id=row.id,
            tenant_id=row.tenant_id,
            deliverable_id=row.deliverable_id,
            content_type=row.content_type,
            kind=MediaKind(row.kind),
            size=row.size,
            sha256=row.sha256,
            storage_key=row.storage_key,
            uploaded_by=row.uploaded_by,
            uploaded_at=row.uploaded_at,
        )

    async def add(self, m: Media) -> None:
        await self.session.execute(
            insert(media).values(
                id=m.id,
                tenant_id=m.tenant_id,
                deliverable_id=m.deliverable_id,
                content_type=m.content_type,
                kind=m.kind.value,
                size=m.size,
                sha256=m.sha256,
                storage_key=m.storage_key,
                uploaded_by=m.uploaded_by,
                uploaded_at=m.uploaded_at,
            )
        )


def _post(row: Row[Any]) -> Post:
    return Post(
        id=row.id,
        tenant_id=row.tenant_id,
        deliverable_id=row.deliverable_id,
        platform=row.platform,
        url=row.url,
        external_id=row.external_id,
        published_at=row.published_at,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        source=row.source,
        live_caption=row.live_caption,
        findings=tuple(finding_from_document(f) for f in row.findings),
    )


class PostRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, post_id: UUID) -> Post | None:
        row = (await self.session.execute(select(posts).where(posts.c.id == post_id))).first()
        return _post(row) if row is not None else None

    async def find(self, tenant_id: UUID, platform: str, external_id: str) -> Post | None:
        row = (
            await self.session.execute(
                select(posts).where(
                    posts.c.tenant_id == tenant_id, posts.c.platform == platform, posts.c.external_id == external_id
                )
            )
        ).first()
        return _post(row) if row is not None else None

    async def add(self, p: Post) -> None:
        await self.session.execute(
            insert(posts).values(
                id=p.id,
                tenant_id=p.tenant_id,
                deliverable_id=p.deliverable_id,
                platform=p.platform,
                url=p.url,
                external_id=p.external_id,
                published_at=p.published_at,
                recorded_at=p.recorded_at,
                recorded_by=p.recorded_by,
                source=p.source,
                live_caption=p.live_caption,
                findings=[finding_document(f) for f in p.findings],
            )
        )
