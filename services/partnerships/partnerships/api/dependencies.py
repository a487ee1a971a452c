"""What endpoints are given: the unit of work, who is calling as the domain sees it, and the role
checks of brand-only endpoints."""

from typing import Annotated

from fastapi import Depends

from partnerships.adapters.unit_of_work import SqlUnitOfWork
from partnerships.domain.access import Caller
from servicekit.app import unit_of_work_dependency
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


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]
CallerDep = Annotated[Caller, Depends(_caller)]
