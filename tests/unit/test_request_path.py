"""Every dependency of every route is a coroutine: FastAPI runs a plain `def` dependency in its
thread pool, a thread hop per call (several per request) that cost a GET a millisecond or more."""

import importlib

import pytest

from servicekit.app import threadpool_dependencies

APPS = ["discovery.main", "partnerships.main", "content.main", "metrics.main", "gateway.main"]


@pytest.mark.parametrize("module", APPS)
def test_no_route_waits_for_the_thread_pool(module: str) -> None:
    app = importlib.import_module(module).create_app()
    assert threadpool_dependencies(getattr(app, "app", app)) == []


def test_a_plain_def_dependency_is_found() -> None:
    from typing import Annotated

    from fastapi import APIRouter, Depends, FastAPI

    def blocking() -> int:
        return 1

    router = APIRouter()

    @router.get("/x")
    async def endpoint(value: Annotated[int, Depends(blocking)]) -> int:
        return value

    app = FastAPI()
    app.include_router(router, prefix="/v1")
    assert [found.rpartition(".")[2] for found in threadpool_dependencies(app)] == ["blocking"]
