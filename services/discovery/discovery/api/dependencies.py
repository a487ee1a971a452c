"""Who may call what, and the objects endpoints share."""

from typing import Annotated

from fastapi import Depends, Request

from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.domain.actors import Actor
from discovery.domain.text import TextSimilarity
from discovery.settings import DiscoverySettings
from servicekit.app import unit_of_work_dependency
from servicekit.context import TenantContext, require_roles

# Brand roles read (analysts are read-only); owners and managers write; admins (platform staff)
# pass every check and alone write the shared catalogue. Creators have no business in discovery.
CanRead = require_roles("owner", "manager", "analyst")
CanWrite = require_roles("owner", "manager")


async def _actor(context: TenantContext) -> Actor:
    assert context.tenant_id is not None
    return Actor(tenant_id=context.tenant_id, user_id=context.user_id, is_admin=context.is_admin)


async def _similarity(request: Request) -> TextSimilarity:
    similarity: TextSimilarity = request.app.state.similarity
    return similarity


async def _settings(request: Request) -> DiscoverySettings:
    settings: DiscoverySettings = request.app.state.runtime.settings
    return settings


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]
ActorDep = Annotated[Actor, Depends(_actor)]
SimilarityDep = Annotated[TextSimilarity, Depends(_similarity)]
SettingsDep = Annotated[DiscoverySettings, Depends(_settings)]
