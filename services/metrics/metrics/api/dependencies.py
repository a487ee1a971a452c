"""What endpoints are given: the unit of work, the role checks, the service's settings and its
ingestion parts (the link directory, the click and insight logs)."""

from typing import Annotated

from fastapi import Depends, Request

from metrics.adapters.ingestion import Ingestion
from metrics.adapters.unit_of_work import SqlUnitOfWork
from metrics.settings import MetricsSettings
from servicekit.app import unit_of_work_dependency
from servicekit.context import require_roles

UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]
CanManage = require_roles("owner", "manager")
CanRead = require_roles("owner", "manager", "analyst")


async def _settings(request: Request) -> MetricsSettings:
    settings: MetricsSettings = request.app.state.runtime.settings
    return settings


async def _ingestion(request: Request) -> Ingestion:
    ingestion: Ingestion = request.app.state.ingestion
    return ingestion


SettingsDep = Annotated[MetricsSettings, Depends(_settings)]
IngestionDep = Annotated[Ingestion, Depends(_ingestion)]
