"""The proxy's HTTP/1.1 client against raw TCP servers that answer exactly as a test needs: framing
(length, chunked, until close), keep-alive reuse, stale connections, timeouts, broken answers."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest

from gateway.adapters.upstream_http import (
    ConnectionPool,
    UpstreamBroken,
    UpstreamTimeout,
    UpstreamUnreachable,
)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def raw_server(handler: Handler) -> AsyncIterator[tuple[int, list[asyncio.StreamWriter]]]:
    """A TCP server on 127.0.0.1; yields its port and the connections it has accepted."""
    accepted: list[asyncio.StreamWriter] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(writer)
        try:
            await handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1], accepted
    finally:
        server.close()
        for writer in accepted:
            writer.close()


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, dict[bytes, bytes], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    request_line, *lines = head[:-4].split(b"\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get(b"content-length", b"0")))
    return request_line, headers, body


def answering(*answers: bytes, keep_open: bool = True) -> Handler:
    """Answers each request on a connection with the next of `answers`, raw."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for answer in answers:
            await read_request(reader)
            writer.write(answer)
            await writer.drain()
        if keep_open:
            await reader.read()  # until the client closes

    return handler


OK = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}'


def pool(port: int, idle_timeout_s: float = 4.0, max_connections: int = 256) -> ConnectionPool:
    return ConnectionPool(
        "http", "127.0.0.1", port, connect_timeout_s=1.0, idle_timeout_s=idle_timeout_s, max_connections=max_connections
    )


async def test_a_request_reaches_the_server_as_sent_and_the_answer_comes_back() -> None:
    seen: list[tuple[bytes, dict[bytes, bytes], bytes]] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await read_request(reader))
        writer.write(b"HTTP/1.1 201 Created\r\nX-Thing: a\r\nx-thing: b\r\ncontent-length: 2\r\n\r\nhi")
        await reader.read()

    async with raw_server(handler) as (port, _):
        upstream = pool(port)
        response = await upstream.request(
            "POST", "/api/v1/x?q=caf%C3%A9", {"x-tenant-id": "t1"}, b'{"a":1}', timeout_s=2
        )
        await upstream.close()
    assert (response.status, response.body) == (201, b"hi")
    assert response.headers == [(b"x-thing", b"a"), (b"x-thing", b"b"), (b"content-length", b"2")]
    request_line, headers, body = seen[0]
    assert request_line == b"POST /api/v1/x?q=caf%C3%A9 HTTP/1.1"
    assert headers[b"host"] == f"127.0.0.1:{port}".encode()
    assert headers[b"x-tenant-id"] == b"t1"
    assert headers[b"content-length"] == b"7"
    assert body == b'{"a":1}'


async def test_one_connection_serves_request_after_request() -> None:
    async with raw_server(answering(OK, OK, OK)) as (port, accepted):
        upstream = pool(port)
        for _ in range(3):
            assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).body == b'{"ok":true}'
        await upstream.close()
    assert len(accepted) == 1


async def test_concurrent_requests_each_get_their_own_answer_within_the_connection_limit() -> None:
    async def echo_path(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            request_line, _, _ = await read_request(reader)
            path = request_line.split(b" ")[1]
            await asyncio.sleep(0.01)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(path), path))

    async with raw_server(echo_path) as (port, accepted):
        upstream = pool(port, max_connections=4)
        answers = await asyncio.gather(*(upstream.request("GET", f"/{i}", {}, b"", timeout_s=5) for i in range(40)))
        await upstream.close()
    assert [a.body for a in answers] == [f"/{i}".encode() for i in range(40)]
    assert len(accepted) <= 4


async def test_chunked_and_until_close_bodies_are_read_whole() -> None:
    chunked = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    until_close = b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nall of it"
    async with raw_server(answering(chunked, until_close, keep_open=False)) as (port, accepted):
        upstream = pool(port)
        assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).body == b"hello world"
        assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).body == b"all of it"
        # The server said close: the next request opens a new connection.
        assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).body == b"hello world"
        await upstream.close()
    assert len(accepted) == 2


async def test_interim_answers_are_skipped_and_a_head_answer_has_no_body() -> None:
    interim = b"HTTP/1.1 100 Continue\r\n\r\n" + OK
    head = b"HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n"
    async with raw_server(answering(interim, head)) as (port, _):
        upstream = pool(port)
        first = await upstream.request("POST", "/", {}, b"{}", timeout_s=2)
        assert (first.status, first.body) == (200, b'{"ok":true}')
        assert (await upstream.request("HEAD", "/", {}, b"", timeout_s=2)).body == b""
        await upstream.close()


async def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    async with raw_server(answering(OK, keep_open=False)) as (port, accepted):
        upstream = pool(port)
        await upstream.request("GET", "/", {}, b"", timeout_s=2)
        await asyncio.sleep(0.05)  # the server has closed its end by now
        assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).status == 200
        await upstream.close()
    assert len(accepted) == 2


async def test_connections_idle_past_the_keepalive_are_not_reused() -> None:
    async with raw_server(answering(OK, OK)) as (port, accepted):
        upstream = pool(port, idle_timeout_s=0.05)
        await upstream.request("GET", "/", {}, b"", timeout_s=2)
        await asyncio.sleep(0.1)
        await upstream.request("GET", "/", {}, b"", timeout_s=2)
        await upstream.close()
    assert len(accepted) == 2


async def test_an_idempotent_request_on_a_connection_dropped_unanswered_is_sent_again_on_a_new_one() -> None:
    connections = 0

    async def drop_first(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        await read_request(reader)
        if connections == 1:
            writer.write(OK)  # answer once, then drop the next request unanswered
            await read_request(reader)
            return
        writer.write(OK)
        await reader.read()

    async with raw_server(drop_first) as (port, _):
        upstream = pool(port)
        await upstream.request("GET", "/", {}, b"", timeout_s=2)
        assert (await upstream.request("GET", "/", {}, b"", timeout_s=2)).status == 200
        await upstream.close()
    assert connections == 2


async def test_a_post_dropped_unanswered_is_not_sent_again() -> None:
    received = 0

    async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal received
        await read_request(reader)
        received += 1
        writer.write(OK)
        await read_request(reader)
        received += 1

    async with raw_server(drop) as (port, _):
        upstream = pool(port)
        await upstream.request("POST", "/", {}, b"{}", timeout_s=2)
        with pytest.raises(UpstreamBroken):
            await upstream.request("POST", "/", {}, b"{}", timeout_s=2)
        await upstream.close()
    assert received == 2


async def test_a_slow_answer_times_out_and_its_connection_is_dropped() -> None:
    dropped = asyncio.Event()

    async def never_answers(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await reader.read()  # returns when the client closes its end
        dropped.set()

    async with raw_server(never_answers) as (port, _):
        upstream = pool(port)
        with pytest.raises(UpstreamTimeout):
            await upstream.request("GET", "/", {}, b"", timeout_s=0.1)
        await asyncio.wait_for(dropped.wait(), 1)
        await upstream.close()


async def test_nothing_listening_is_unreachable() -> None:
    async with raw_server(answering()) as (port, _):
        pass  # closed: the port is free again
    upstream = pool(port)
    with pytest.raises(UpstreamUnreachable):
        await upstream.request("GET", "/", {}, b"", timeout_s=1)
    await upstream.close()


async def test_a_malformed_answer_is_broken_not_a_hang() -> None:
    async with raw_server(answering(b"HTTP/1.1 abc nonsense\r\n\r\n")) as (port, _):
        upstream = pool(port)
        with pytest.raises(UpstreamBroken):
            await upstream.request("GET", "/", {}, b"", timeout_s=2)
        await upstream.close()


async def test_a_header_value_with_a_line_break_is_refused_before_sending() -> None:
    async with raw_server(answering(OK)) as (port, accepted):
        upstream = pool(port)
        with pytest.raises(ValueError, match="line break"):
            await upstream.request("GET", "/", {"x-request-id": "a\r\nx-roles: admin"}, b"", timeout_s=2)
        await upstream.close()
    assert accepted == []


async def test_requests_that_give_up_waiting_for_a_connection_leave_the_pool_whole() -> None:
    release = asyncio.Event()

    async def held(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            await release.wait()
            writer.write(OK)

    async with raw_server(held) as (port, accepted):
        upstream = pool(port, max_connections=2)
        busy = [asyncio.create_task(upstream.request("GET", "/", {}, b"", timeout_s=5)) for _ in range(2)]
        await asyncio.sleep(0.05)
        with pytest.raises(UpstreamTimeout):  # both connections are taken: no slot in time
            await upstream.request("GET", "/", {}, b"", timeout_s=0.1)
        waiting = asyncio.create_task(upstream.request("GET", "/", {}, b"", timeout_s=5))
        await asyncio.sleep(0.05)
        waiting.cancel()
        release.set()
        assert [r.status for r in await asyncio.gather(*busy)] == [200, 200]
        answers = await asyncio.gather(*(upstream.request("GET", "/", {}, b"", timeout_s=2) for _ in range(6)))
        await upstream.close()
    assert [a.status for a in answers] == [200] * 6
    assert len(accepted) == 2


async def test_a_closed_connection_passes_its_slot_to_a_waiting_request() -> None:
    closing = b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok"
    async with raw_server(answering(closing, keep_open=False)) as (port, accepted):
        upstream = pool(port, max_connections=1)
        answers = await asyncio.gather(*(upstream.request("GET", "/", {}, b"", timeout_s=2) for _ in range(5)))
        await upstream.close()
    assert [a.body for a in answers] == [b"ok"] * 5
    assert len(accepted) == 5


async def test_a_large_upload_arrives_whole() -> None:
    sizes: list[int] = []

    async def count(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        _, _, body = await read_request(reader)
        sizes.append(len(body))
        writer.write(OK)
        await reader.read()

    upload = bytes(range(256)) * (32 * 1024)  # 8 MiB
    async with raw_server(count) as (port, _):
        upstream = pool(port)
        assert (await upstream.request("POST", "/import", {}, upload, timeout_s=10)).status == 200
        await upstream.close()
    assert sizes == [len(upload)]
