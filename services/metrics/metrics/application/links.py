"""Tracking links and promo codes: made by a brand for one of its partnerships."""

from datetime import datetime
from uuid import UUID, uuid4

from metrics.application.ports import UnitOfWork
from metrics.domain import links as rules
from metrics.domain.errors import NotKnownYet
from metrics.domain.links import TrackingLink
from metrics.domain.records import KnownPartnership, PromoCode, normalize_promo_code
from servicekit.errors import Conflict, InvalidField, NotFound

CODE_ATTEMPTS = 5


async def known_partnership(uow: UnitOfWork, partnership_id: UUID, field: str = "partnership_id") -> KnownPartnership:
    partnership = await uow.partnerships.get(partnership_id)
    if partnership is None:
        raise NotKnownYet(field, "no partnership of this org is known to metrics (yet: partnerships tells it)")
    return partnership


async def create_link(
    uow: UnitOfWork,
    *,
    partnership_id: UUID,
    deliverable_id: UUID | None,
    destination_url: str,
    utm: dict[str, str],
    code: str | None,
    now: datetime,
) -> TrackingLink:
    rules.check_destination(destination_url)
    partnership = await known_partnership(uow, partnership_id)
    if deliverable_id is not None:
        post = await uow.posts.with_deliverable(deliverable_id)
        if post is not None and post.partnership_id != partnership_id:
            raise InvalidField("deliverable_id", "is a deliverable of another partnership")
    campaign = await uow.campaigns.get(partnership.campaign_id)
    campaign_label = rules.slug(campaign.name) if campaign is not None and campaign.name else ""
    target = rules.target_url(
        destination_url,
        utm,
        campaign=campaign_label or str(partnership.campaign_id),
        content=str(deliverable_id or partnership_id),
    )
    if code is not None:
        if await uow.links.code_taken(code):
            raise Conflict("this code is taken", field="code")
    else:
        for _ in range(CODE_ATTEMPTS):
            code = rules.new_code()
            if not await uow.links.code_taken(code):
                break
        else:
            raise Conflict("no free code found; send one of your own")
    link = TrackingLink(
        id=uuid4(),
        tenant_id=uow.tenant_id,
        code=code,
        campaign_id=partnership.campaign_id,
        partnership_id=partnership.id,
        influencer_id=partnership.influencer_id,
        deliverable_id=deliverable_id,
        destination_url=destination_url,
        target_url=target,
        active=True,
        created_at=now,
        updated_at=now,
    )
    await uow.links.add(link)
    return link


async def get_link(uow: UnitOfWork, link_id: UUID) -> TrackingLink:
    link = await uow.links.get(link_id)
    if link is None:
        raise NotFound("tracking link", link_id)
    return link


async def deactivate_link(uow: UnitOfWork, link_id: UUID, now: datetime) -> TrackingLink:
    """Its code stops redirecting (a 404, recording nothing); its clicks stay counted."""
    link = await get_link(uow, link_id)
    if link.active:
        await uow.links.deactivate(link_id, now)
    return await get_link(uow, link_id)


async def create_promo_code(uow: UnitOfWork, *, code: str, partnership_id: UUID, now: datetime) -> PromoCode:
    normalized = normalize_promo_code(code)
    if not normalized:
        raise InvalidField("code", "must not be blank")
    partnership = await known_partnership(uow, partnership_id)
    taken = await uow.promo_codes.find(normalized)
    if taken is not None:
        if taken.partnership_id == partnership_id:
            return taken
        raise Conflict("the org gave this code to another partnership", field="code")
    promo = PromoCode(uuid4(), uow.tenant_id, normalized, partnership.campaign_id, partnership.id,
                      partnership.influencer_id, now)  # fmt: skip
    await uow.promo_codes.add(promo)
    return promo


async def delete_promo_code(uow: UnitOfWork, promo_id: UUID) -> None:
    """Orders reported later with the code are no longer attributed by it."""
    if await uow.promo_codes.get(promo_id) is None:
        raise NotFound("promo code", promo_id)
    await uow.promo_codes.remove(promo_id)
