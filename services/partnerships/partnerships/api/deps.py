"""Who is calling, as the domain sees it, and the role checks of brand-only endpoints."""

from typing import Annotated

from fastapi import Depends

from partnerships.domain.access import Caller
from servicekit.context import TenantContext, require_roles

CanManage = require_roles("owner", "manager")
CanRead = require_roles("owner", "manager", "analyst")


async def _caller(context: TenantContext) -> Caller:
    assert context.tenant_id is not None
    return Caller(
        tenant_id=context.tenant_id,
        user_id=context.user_id,
        roles=context.roles,
        influencer_id=context.influencer_id,
    )


CallerDep = Annotated[Caller, Depends(_caller)]
