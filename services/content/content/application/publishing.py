"""Scheduling and publishing: a time for the approved version to go live, and the live post as
the creator (or, later, a platform connector) reports it, checked again against what was approved."""

from datetime import datetime
from uuid import UUID, uuid5

from content.application.deliverables import locked
from content.application.ports import PostConnector, UnitOfWork
from content.domain.access import Caller
from content.domain.assets import asset_id
from content.domain.briefs import effective_brief
from content.domain.compliance_check import context_for, live_findings
from content.domain.deliverables import Action, Deliverable, DeliverableState
from content.domain.posts import LivePost, Post
from contracts.events.content import ContentPublished
from servicekit.errors import Conflict, InvalidField


async def schedule(uow: UnitOfWork, caller: Caller, deliverable_id: UUID, at: datetime, now: datetime) -> Deliverable:
    deliverable, party, _ = await locked(uow, caller, deliverable_id)
    deliverable.apply(Action.SCHEDULE, party, now)
    if at <= now:
        raise InvalidField("body.scheduled_for", "a time in the future")
    deliverable.scheduled_for = at
    await uow.deliverables.save(deliverable)
    return deliverable


async def publish(
    uow: UnitOfWork, caller: Caller, deliverable_id: UUID, claimed: LivePost, connector: PostConnector, now: datetime
) -> tuple[Post, bool]:
    """Records the live post; (the post, whether it is new). The same post recorded again is the
    post already recorded, not a second one."""
    deliverable, party, brand = await locked(uow, caller, deliverable_id)
    live = await connector.observe(claimed)
    if deliverable.state is DeliverableState.PUBLISHED and deliverable.post_id is not None:
        post = await uow.posts.get(deliverable.post_id)
        assert post is not None
        if (post.platform, post.external_id) == (live.link.platform, live.link.external_id):
            return post, False
        raise Conflict(
            f"this deliverable is already live at {post.url}", current_state=deliverable.state.value, allowed_actions=[]
        )
    deliverable.apply(Action.PUBLISH, party, now)
    if live.link.platform != deliverable.platform:
        raise InvalidField("body.platform", f"this deliverable is for {deliverable.platform}")
    if live.published_at > now:
        raise InvalidField("body.published_at", "not in the future: record a post once it is live")
    taken = await uow.posts.find(deliverable.tenant_id, live.link.platform, live.link.external_id)
    if taken is not None:
        raise Conflict(f"this post is recorded for deliverable {taken.deliverable_id}", post_id=str(taken.id))
    assert deliverable.approved_submission_id is not None
    approved = await uow.submissions.get(deliverable.approved_submission_id)
    assert approved is not None
    findings = ()
    if live.caption is not None:
        pinned = await brand.briefs.version(deliverable.campaign_id, approved.brief_version)
        brief = effective_brief(pinned, deliverable.brief_overrides)
        context = context_for(
            deliverable, brief.content, approved.platform, approved.format, approved.in_video_disclosure_confirmed
        )
        findings = live_findings(approved.caption, live.caption, context)
    post = Post(
        id=uuid5(deliverable.id, f"post:{live.link.platform}:{live.link.external_id}"),
        tenant_id=deliverable.tenant_id,
        deliverable_id=deliverable.id,
        platform=live.link.platform,
        url=live.link.url,
        external_id=live.link.external_id,
        published_at=live.published_at,
        recorded_at=now,
        recorded_by=caller.user_id,
        source=connector.name,
        live_caption=live.caption,
        findings=findings,
    )
    await uow.posts.add(post)
    deliverable.post_id, deliverable.published_at = post.id, post.published_at
    await uow.deliverables.save(deliverable)
    asset = await uow.assets.get(asset_id(deliverable.id))
    if asset is not None:
        asset.published(post.published_at, post.url)
        await uow.assets.save(asset)
    await brand.events.record(
        ContentPublished(
            deliverable_id=deliverable.id,
            partnership_id=deliverable.partnership_id,
            campaign_id=deliverable.campaign_id,
            influencer_id=deliverable.influencer_id,
            post_id=post.id,
            platform=post.platform,
            url=post.url,
            external_id=post.external_id,
            published_at=post.published_at,
            format=approved.format,
            submission_id=approved.id,
        ),
        subject=deliverable.id,
        key=deliverable.campaign_id,
    )
    return post, True
