"""Every log line of a request carries its request id; one access line per request; an unhandled
error is logged once, with its stack, and answered as a problem."""

import asyncio
import io
import json
import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from servicekit.context import RequestContextMiddleware
from servicekit.logs import configure_logging, log_access, request_id_var
from servicekit.problems import install_problem_handlers
from servicekit.prometheus import PrometheusMiddleware

SECRET = "test-secret-0123456789"
USER = "0d7e3f5a-1b2c-4d5e-8f90-a1b2c3d4e5f6"
CALLER = {"x-internal-token": SECRET, "x-user-id": USER, "x-forwarded-for": "203.0.113.7"}
work_log = logging.getLogger("servicekit.tests.work")


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    app.state.background = []

    @app.post("/things/{thing_id}")
    async def make(thing_id: int) -> dict[str, int]:
        work_log.info("making thing %d", thing_id)

        async def later() -> None:
            await asyncio.sleep(0.01)
            work_log.info("thing %d made in the background", thing_id)

        app.state.background.append(asyncio.create_task(later()))
        return {"id": thing_id}

    @app.get("/crash")
    async def crash() -> None:
        raise RuntimeError("boom")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(RequestContextMiddleware, internal_secret=SECRET)
    app.add_middleware(PrometheusMiddleware, service="logs-test")
    return app


@pytest.fixture
def logging_restored() -> Iterator[None]:
    touched = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "access")]
    saved = [(logger.handlers[:], logger.level, logger.propagate, logger.disabled) for logger in touched]
    yield
    for logger, (handlers, level, propagate, disabled) in zip(touched, saved, strict=True):
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate, logger.disabled = propagate, disabled


@pytest.fixture
async def app(logging_restored: None) -> FastAPI:
    configure_logging("logs-test", "INFO", json=False)
    return build_app()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app, raise_app_exceptions=False, client=("10.0.0.2", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


async def test_every_line_of_a_request_carries_the_id_the_client_sent(
    client: httpx.AsyncClient, app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.post("/things/7", headers={**CALLER, "x-request-id": "client-id-1"})
    assert response.status_code == 200
    await asyncio.gather(*app.state.background)
    lines = {record.getMessage(): record for record in caplog.records}
    for message in ("making thing 7", "thing 7 made in the background", "POST /things/7 200"):
        assert lines[message].request_id == "client-id-1", message
        assert lines[message].correlation_id == "client-id-1", message


async def test_one_access_line_per_request_with_what_tracing_needs(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.post("/things/7", headers={**CALLER, "x-request-id": "client-id-2"})
    [line] = [r for r in caplog.records if r.name == "access"]
    assert line.levelno == logging.INFO
    assert (line.method, line.path, line.route, line.status) == ("POST", "/things/7", "/things/{thing_id}", 200)
    assert line.request_id == "client-id-2"
    assert line.caller == USER
    assert line.client == "203.0.113.7", "the address the gateway forwarded, not the gateway's"
    assert line.bytes == len(response.content)
    assert line.duration_ms > 0


async def test_probes_are_not_in_the_access_log(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    assert (await client.get("/healthz")).status_code == 200
    assert [r for r in caplog.records if r.name == "access"] == []


async def test_a_caller_without_the_internal_credential_is_not_taken_at_its_word(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    forged = {**CALLER, "x-internal-token": "guess"}
    assert (await client.post("/things/7", headers=forged)).status_code == 401
    [line] = [r for r in caplog.records if r.name == "access"]
    assert line.status == 401
    assert line.caller is None
    assert line.client == "10.0.0.2"


async def test_an_unhandled_error_is_logged_once_with_its_stack_and_answered_as_a_problem(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.get("/crash", headers={**CALLER, "x-request-id": "client-id-3"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "client-id-3"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    [error] = errors
    assert error.request_id == "client-id-3"
    assert error.exc_info is not None
    assert "boom" in str(error.exc_info[1])
    [line] = [r for r in caplog.records if r.name == "access"]
    assert line.status == 500


@pytest.mark.parametrize(
    ("sent", "kept"), [("order-42_retry:1.x", True), ("x" * 129, False), ("two words", False), ("é", False)]
)
async def test_a_request_id_that_would_spoil_the_logs_is_replaced(
    client: httpx.AsyncClient, sent: str, kept: bool
) -> None:
    response = await client.post("/things/7", headers=[*CALLER.items(), ("x-request-id", sent.encode())])
    returned = response.headers["x-request-id"]
    assert (returned == sent) is kept
    if not kept:
        assert len(returned) == 32


async def test_the_access_log_can_be_turned_off(app: FastAPI, caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("logs-test", "INFO", json=False, access=False)
    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.post("/things/7", headers=CALLER)).status_code == 200
    assert [r for r in caplog.records if r.name == "access"] == []
    assert any(r.getMessage() == "making thing 7" for r in caplog.records)


async def test_json_lines_carry_the_ids_and_no_credentials(
    logging_restored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("logs-test", "INFO", json=True)
    transport = httpx.ASGITransport(build_app())
    headers = {**CALLER, "x-request-id": "client-id-4", "authorization": "Bearer very-secret-token"}
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.post("/things/7?api_key=also-secret", headers=headers)).status_code == 200
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "access"]
    assert len(access) == 1
    assert access[0]["request_id"] == "client-id-4"
    assert access[0]["service"] == "logs-test"
    assert access[0]["route"] == "/things/{thing_id}"
    assert access[0]["status"] == 200
    assert {"time", "level", "message", "duration_ms", "client", "caller", "bytes"} <= set(access[0])
    work = [line for line in lines if line["message"] == "making thing 7"]
    assert work[0]["request_id"] == "client-id-4"
    everything = "\n".join(json.dumps(line) for line in lines)
    for secret in ("very-secret-token", SECRET, "also-secret"):
        assert secret not in everything


def test_uvicorns_own_lines_go_through_ours_with_the_request_id(
    logging_restored: None, caplog: pytest.LogCaptureFixture
) -> None:
    uvicorn = logging.getLogger("uvicorn")  # as uvicorn's logging config leaves it
    uvicorn.addHandler(logging.StreamHandler())
    uvicorn.propagate = False
    configure_logging("logs-test", "INFO", json=False)
    token = request_id_var.set("client-id-5")
    try:
        logging.getLogger("uvicorn.error").error("Exception in ASGI application")
        logging.getLogger("uvicorn.access").info('127.0.0.1:5000 - "GET /things/7 HTTP/1.1" 200')
    finally:
        request_id_var.reset(token)
    [line] = [r for r in caplog.records if r.name.startswith("uvicorn")]
    assert line.name == "uvicorn.error"
    assert line.request_id == "client-id-5"
    assert uvicorn.handlers == []


def test_configuring_again_leaves_one_handler_of_ours_and_the_others(logging_restored: None) -> None:
    root = logging.getLogger()
    foreign = logging.NullHandler()
    root.addHandler(foreign)
    configure_logging("logs-test", "INFO", json=True)
    after_one = len(root.handlers)
    configure_logging("logs-test", "INFO", json=False)
    assert len(root.handlers) == after_one
    assert foreign in root.handlers


async def test_the_access_line_written_straight_is_the_one_the_formatter_writes(
    logging_restored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("logs-test", "INFO", json=True)
    root = logging.getLogger()
    ours, others = root.handlers[-1], root.handlers[:-1]
    transport = httpx.ASGITransport(build_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for alone in (True, False):  # alone: written straight; else through a record, as others listen
            root.handlers[:] = [ours] if alone else [*others, ours]
            headers = {**CALLER, "x-request-id": "same-line"}
            assert (await client.post("/things/7", headers=headers)).status_code == 200
    root.handlers[:] = [*others, ours]
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    straight, through_logging = [line for line in lines if line["logger"] == "access"]
    assert list(straight) == list(through_logging)
    for line in (straight, through_logging):
        del line["time"], line["duration_ms"]
    assert straight == through_logging


class _CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


async def test_access_lines_of_one_turn_of_the_loop_are_written_together_in_order(logging_restored: None) -> None:
    """Requests answered together (the gateway's coalesced redirects) cost one write, not one each;
    every line is out by the next turn, and a line logged after them comes after them."""
    configure_logging("logs-test", "INFO", json=True)
    ours = logging.getLogger().handlers[-1]
    logging.getLogger().handlers[:] = [ours]
    stream = _CountingStream()
    ours.setStream(stream)  # type: ignore[attr-defined]
    for i in range(20):
        log_access("GET", f"/r/code{i}", "/r/{code}", 302, 0.001, "203.0.113.7", None, 0)
    work_log.warning("after the redirects")
    log_access("GET", "/r/last", "/r/{code}", 302, 0.001, "203.0.113.7", None, 0)
    await asyncio.sleep(0)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line.get("path") for line in lines] == [f"/r/code{i}" for i in range(20)] + [None, "/r/last"]
    assert lines[20]["message"] == "after the redirects"
    assert stream.writes == 3
