"""Builds a service's FastAPI app: lifespan, middleware, problem errors, health and metrics."""

import gc
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any, TypeVar, get_args

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from servicekit.api_docs import docs_router
from servicekit.context import RequestContextMiddleware, TenantContext
from servicekit.health import Check, check_broker, health_router
from servicekit.http_methods import HeadAsGet
from servicekit.idempotency import STATE_KEY, IdempotentWrites, idempotent_session
from servicekit.logs import configure_logging
from servicekit.outbox import Outbox
from servicekit.problem_docs import document_service_problems
from servicekit.problems import install_problem_handlers
from servicekit.prometheus import PrometheusMiddleware, metrics_endpoint
from servicekit.runtime import ServiceRuntime
from servicekit.schemas import RequestModel
from servicekit.unit_of_work import UnitOfWorkFactory


def operation_id(route: APIRoute) -> str:
    """Clean names for generated clients: `create_campaign`, not `create_campaign_api_v1_campaigns_post`."""
    return route.name


def create_service_app(
    runtime: ServiceRuntime,
    routers: Sequence[APIRouter],
    *,
    title: str,
    description: str = "",
    version: str = "0.1.0",
    readiness_checks: dict[str, Check] | None = None,
    critical_checks: frozenset[str] | None = None,
    require_internal_credential: bool = True,
    extra_lifespan: Callable[[FastAPI], AbstractAsyncContextManager[None]] | None = None,
    middleware: Sequence[tuple[type, dict[str, Any]]] = (),
    invalid_field_prefix: str = "",
    trust_forwarded_for: bool = False,
) -> FastAPI:
    """`require_internal_credential=False` is for the gateway, the one public door (and
    `trust_forwarded_for` for its access log, behind a trusted ingress); `invalid_field_prefix` as
    servicekit.problems.install_problem_handlers takes it."""
    settings = runtime.settings
    configure_logging(settings.service_name, settings.log_level, settings.log_json, access=settings.access_log)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        # What start-up allocated lives as long as the process; out of the collector's sight, a
        # full collection no longer walks it (it paused requests for ~150 ms in discovery).
        gc.collect()
        gc.freeze()
        try:
            if extra_lifespan is None:
                yield
            else:
                async with extra_lifespan(app):
                    yield
        finally:
            await runtime.stop()

    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        # A redirect's Location would be built from the Host the service was called by: behind the
        # gateway, the service's own internal address. A path with a trailing slash is a 404.
        redirect_slashes=False,
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = runtime
    install_problem_handlers(app, invalid_field_prefix)
    for router in routers:
        app.include_router(router)
    app.include_router(docs_router(app))
    _document_problems(app)
    checks: dict[str, Check] = {
        "database": runtime.database.ping,
        "broker": lambda: check_broker(settings.kafka_bootstrap_servers, settings.kafka_security()),
    }
    if readiness_checks is not None:
        checks = readiness_checks
    if critical_checks is None and not settings.ready_requires_broker:
        critical_checks = frozenset(checks) - {"broker"}
    app.include_router(health_router(checks, critical_checks))
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    # Listed innermost first; request ids and metrics wrap them all. Idempotent writes are the
    # innermost: behind the internal-credential check, and inside the gateway's own key store.
    app.add_middleware(IdempotentWrites, trust_headers=require_internal_credential)
    for middleware_class, options in middleware:
        app.add_middleware(middleware_class, **options)
    app.add_middleware(
        RequestContextMiddleware,
        internal_secret=settings.internal_secret if require_internal_credential else None,
        trust_forwarded_for=trust_forwarded_for,
    )
    app.add_middleware(HeadAsGet)
    app.add_middleware(PrometheusMiddleware, service=settings.service_name)
    return app


def _document_problems(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_service_problems(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def runtime_of(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    # GET and HEAD only read (on SQLite, then, they neither wait for writers nor hold them up).
    read_only = request.method in _READING_METHODS
    write = None if read_only else request.scope.get(STATE_KEY)
    if write is not None:  # under an Idempotency-Key: IdempotentWrites commits, with the answer
        async with idempotent_session(runtime_of(request).database, write) as session:
            yield session
        return
    async with runtime_of(request).database.session(read_only=read_only) as session:
        yield session


_READING_METHODS = frozenset({"GET", "HEAD"})


async def _outbox(request: Request) -> Outbox:
    return runtime_of(request).outbox


# The session commits when the endpoint returns, before the response is sent (scope="function"),
# so a failed commit answers an error instead of a success that did not happen.
DbSession = Annotated[AsyncSession, Depends(_session, scope="function")]
OutboxWriter = Annotated[Outbox, Depends(_outbox)]

U = TypeVar("U")


def unit_of_work_dependency(unit_of_work: UnitOfWorkFactory[U]) -> Callable[..., Awaitable[U]]:
    """The FastAPI dependency of a service's unit of work: the request's session and outbox,
    acting for the caller's org. A service's api/dependencies.py names it once:
    `UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work_dependency(SqlUnitOfWork))]`."""

    async def dependency(session: DbSession, outbox: OutboxWriter, context: TenantContext) -> U:
        assert context.tenant_id is not None  # TenantContext answers 401 without one
        return unit_of_work(session, outbox, context.tenant_id)

    return dependency


def threadpool_dependencies(app: Any) -> list[str]:
    """`path: dependency` for each dependency (or endpoint) of `app`'s routes that FastAPI would
    run in its thread pool, being a plain `def`: a thread hop per call, where none is needed for
    work that never blocks. Dependencies here are `async def`; tests hold them to it."""
    found: list[str] = []
    for route in _api_routes(app):
        for call in _calls(route.dependant):
            if not (inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call)):
                found.append(f"{route.path}: {call.__module__}.{call.__qualname__}")
    return sorted(set(found))


def lax_request_bodies(app: Any) -> list[str]:
    """`path: model` for each route whose JSON body is a model that does not derive from
    servicekit.schemas.RequestModel (and so is not held to its rules). Tests hold services to []."""
    found = []
    for route in _api_routes(app):
        if route.body_field is None:
            continue
        for model in _models_in(route.body_field.field_info.annotation):
            if not issubclass(model, RequestModel):
                found.append(f"{route.path}: {model.__module__}.{model.__qualname__}")
    return sorted(set(found))


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)


def _api_routes(router: Any) -> Iterator[APIRoute]:
    for route in getattr(router, "routes", []):
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # a router included by reference (FastAPI 0.16x)
            yield from _api_routes(route.original_router)


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        yield from _calls(sub)
    if dependant.call is not None:
        yield dependant.call
