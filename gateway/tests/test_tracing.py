"""A failed request can be traced: every gateway log line of a request carries its request id,
each request has one access line, and each 5xx is logged once, with the upstream and the cause."""

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from devstack.ports import free_port

from .conftest import Account, GatewayFactory, Upstream, sign_up


@pytest.fixture(scope="module")
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    # No retries: each case below is one attempt; a breaker that stays shut.
    async with make_gateway(upstream_retries=0, breaker_threshold=1000) as client:
        yield client


@pytest.fixture
async def account(gateway: httpx.AsyncClient) -> Account:
    return await sign_up(gateway)


def access_lines(caplog: pytest.LogCaptureFixture, request_id: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "access" and r.request_id == request_id]


def failures(caplog: pytest.LogCaptureFixture, request_id: str) -> list[logging.LogRecord]:
    """The lines at WARNING or above of one request."""
    return [r for r in caplog.records if r.levelno >= logging.WARNING and r.request_id == request_id]


async def test_a_proxied_request_is_traced_by_the_id_the_client_sent(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = await gateway.get("/api/v1/campaigns/42", headers={**account.auth, "x-request-id": "trace-a1"})
    assert response.status_code == 200
    assert upstream.received("/api/v1/campaigns/42")[-1]["headers"]["x-request-id"] == "trace-a1"
    [line] = access_lines(caplog, "trace-a1")
    assert (line.method, line.path, line.route) == ("GET", "/api/v1/campaigns/42", "/api/v1/campaigns/{campaign_id}")
    assert line.status == 200
    assert line.caller == f"user:{account.user_id}"
    assert line.bytes == len(response.content)
    assert line.client == "127.0.0.1"


async def test_the_gateways_own_routes_have_an_access_line_naming_the_caller(
    gateway: httpx.AsyncClient, account: Account, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = await gateway.get("/api/v1/api-keys", headers={**account.auth, "x-request-id": "trace-a2"})
    assert response.status_code == 200
    [line] = access_lines(caplog, "trace-a2")
    assert (line.route, line.status, line.caller) == ("/api/v1/api-keys", 200, f"user:{account.user_id}")


async def test_an_idempotent_post_and_its_replay_are_traced(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    upstream.behaviour = lambda request: (201, {"id": "c1"}, 0.0)
    headers = {**account.auth, "idempotency-key": "traced-1"}
    first = await gateway.post("/api/v1/campaigns", json={}, headers={**headers, "x-request-id": "trace-b1"})
    again = await gateway.post("/api/v1/campaigns", json={}, headers={**headers, "x-request-id": "trace-b2"})
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert first.headers["x-request-id"] == "trace-b1"
    assert again.headers["x-request-id"] == "trace-b2"
    assert upstream.received("/api/v1/campaigns")[-1]["headers"]["x-request-id"] == "trace-b1"
    [line] = access_lines(caplog, "trace-b1")
    assert (line.route, line.status, line.caller) == ("/api/v1/campaigns", 201, f"user:{account.user_id}")
    [replayed] = access_lines(caplog, "trace-b2")
    assert replayed.status == 201


Behaviour = Callable[..., tuple[int, object, float]]


@pytest.mark.parametrize(
    ("behaviour", "status", "cause"),
    [
        (lambda request: (500, {"title": "Internal error"}, 0.0), 502, "(HTTP 500)"),
        (lambda request: (503, {"title": "down"}, 0.0), 503, "(HTTP 503)"),
        (lambda request: (201, {}, 1.5), 504, "UpstreamTimeout"),
    ],
    ids=["upstream-500", "upstream-503", "timeout"],
)
async def test_each_upstream_failure_is_logged_once_with_its_cause_and_request_id(
    gateway: httpx.AsyncClient,
    account: Account,
    upstream: Upstream,
    caplog: pytest.LogCaptureFixture,
    behaviour: Behaviour,
    status: int,
    cause: str,
) -> None:
    caplog.set_level(logging.INFO)
    upstream.behaviour = behaviour
    response = await gateway.post("/api/v1/campaigns", json={}, headers={**account.auth, "x-request-id": "trace-c1"})
    assert response.status_code == status
    [failure] = failures(caplog, "trace-c1")
    assert failure.upstream == "partnerships"
    assert failure.status == status
    assert cause in failure.getMessage()
    assert "POST /api/v1/campaigns" in failure.getMessage()
    [line] = access_lines(caplog, "trace-c1")
    assert line.status == status


async def test_a_refused_connection_and_the_open_breaker_are_logged_once_each(
    make_gateway: GatewayFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    closed = f"http://127.0.0.1:{free_port()}"
    async with make_gateway(partnerships_url=closed, upstream_retries=0, breaker_threshold=1) as gateway:
        account = await sign_up(gateway)
        refused = await gateway.post("/api/v1/campaigns", json={}, headers={**account.auth, "x-request-id": "r1"})
        paused = await gateway.post("/api/v1/campaigns", json={}, headers={**account.auth, "x-request-id": "r2"})
    assert refused.status_code == paused.status_code == 503
    [first] = failures(caplog, "r1")
    assert "ConnectionRefusedError" in first.getMessage()
    assert first.upstream == "partnerships"
    [second] = failures(caplog, "r2")
    assert "paused" in second.getMessage()
    assert second.upstream == "partnerships"


async def test_a_broken_answer_is_logged_once_with_its_cause(
    make_gateway: GatewayFactory, caplog: pytest.LogCaptureFixture
) -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial")
        await writer.drain()
        writer.close()

    caplog.set_level(logging.INFO)
    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with make_gateway(partnerships_url=f"http://127.0.0.1:{port}", upstream_retries=0) as gateway:
            account = await sign_up(gateway)
            headers = {**account.auth, "x-request-id": "b1"}
            response = await gateway.post("/api/v1/campaigns", json={}, headers=headers)
    finally:
        server.close()
    assert response.status_code == 502
    [failure] = failures(caplog, "b1")
    assert "UpstreamBroken" in failure.getMessage()


async def test_the_gateways_own_unexpected_error_is_logged_once_with_its_stack(
    make_gateway: GatewayFactory, caplog: pytest.LogCaptureFixture
) -> None:
    async def crash() -> None:
        raise RuntimeError("the gateway broke")

    async with make_gateway() as gateway:
        gateway.app.app.add_api_route("/crash-for-test", crash)  # type: ignore[attr-defined]
        response = await gateway.get("/crash-for-test", headers={"x-request-id": "own-500"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "own-500"
    [failure] = failures(caplog, "own-500")
    assert failure.exc_info is not None
    assert "the gateway broke" in str(failure.exc_info[1])


async def test_credentials_never_reach_the_logs(
    gateway: httpx.AsyncClient, account: Account, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    upstream.behaviour = lambda request: (500, {"title": "Internal error"}, 0.0)
    await gateway.post("/api/v1/campaigns?api_key=in-query", json={"password": "hunter2hunter2"}, headers=account.auth)
    everything = caplog.text + "".join(str(vars(record)) for record in caplog.records)
    secret = gateway.app.state.settings.internal_secret  # type: ignore[attr-defined]
    for credential in (account.token, secret, "in-query", "hunter2hunter2"):
        assert credential not in everything
