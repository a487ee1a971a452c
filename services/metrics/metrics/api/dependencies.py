"""What endpoints are given."""

from typing import Annotated

from fastapi import Depends

from metrics.adapters.unit_of_work import SqlUnitOfWork
from servicekit.app import unit_of_work_dependency

UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]
