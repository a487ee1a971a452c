"""What endpoints are given: the unit of work, who is calling as the domain sees it, the blob
store and the post connector."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from content.adapters.unit_of_work import SqlUnitOfWork
from content.application.ports import BlobStore, PostConnector
from content.domain.access import Caller
from servicekit.app import unit_of_work_dependency
from servicekit.context import TenantContext


async def _caller(context: TenantContext) -> Caller:
    assert context.tenant_id is not None
    return Caller(
        tenant_id=context.tenant_id,
        user_id=context.user_id,
        roles=context.roles,
        influencer_id=context.influencer_id,
    )


async def _blobs(request: Request) -> BlobStore:
    store: BlobStore = request.app.state.blob_store
    return store


async def _connector(request: Request) -> PostConnector:
    connector: PostConnector = request.app.state.post_connector
    return connector


async def _now() -> datetime:
    return datetime.now(UTC)


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]
CallerDep = Annotated[Caller, Depends(_caller)]
BlobStoreDep = Annotated[BlobStore, Depends(_blobs)]
ConnectorDep = Annotated[PostConnector, Depends(_connector)]
Now = Annotated[datetime, Depends(_now)]
