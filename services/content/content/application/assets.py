"""The asset library: the brand's approved content and whether its usage rights are in force."""

from collections.abc import Sequence
from uuid import UUID

from content.application.ports import AssetFilter, Cursor, UnitOfWork
from content.domain.access import Caller, brand_only
from content.domain.assets import Asset
from servicekit.errors import Forbidden, NotFound


async def list_assets(
    uow: UnitOfWork, caller: Caller, where: AssetFilter, *, limit: int, after: Cursor | None
) -> Sequence[Asset]:
    if not caller.reads_as_brand:
        raise Forbidden("the asset library is the brand's")
    return await uow.assets.list(where, limit=limit, after=after)


async def get_asset(uow: UnitOfWork, caller: Caller, asset_id: UUID) -> Asset:
    asset = await uow.assets.get(asset_id)
    if asset is None:
        raise NotFound("asset", asset_id)
    brand_only(caller, asset.tenant_id, "asset", asset_id)
    return asset
