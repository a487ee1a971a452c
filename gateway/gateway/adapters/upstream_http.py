"""The proxy's HTTP/1.1 client: a pool of keep-alive connections to one upstream, one request at a
time on each, answers parsed by httptools (llhttp, the parser uvicorn already uses).

Why not a client library: on this machine a pass-through proxy on aiohttp spends more than 40% of
its CPU inside aiohttp (request and response objects, traces, timers, cookie and header
machinery), httpx several times that, aiosonic about as much as aiohttp. This client writes one
pre-joined request per call and resolves one future from the parser's callbacks, which took the
bare pass-through from about 0.8 to about 1.0 of direct throughput (bench/gateway_hop.py). It
does only what the proxy needs: no redirects, cookies, decompression or proxies.
"""

import asyncio
import ssl
from collections import deque
from dataclasses import dataclass

import httptools

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True, slots=True)
class UpstreamResponse:
    status: int
    headers: list[tuple[bytes, bytes]]  # names lowercased, in the order received
    body: bytes


class UpstreamError(Exception):
    pass


class UpstreamUnreachable(UpstreamError):
    """No connection could be made: the request never left, any method may be sent again."""


class UpstreamTimeout(UpstreamError):
    pass


class UpstreamBroken(UpstreamError):
    """The connection failed or the answer was not HTTP, after the request may have been read."""


class _Unanswered(UpstreamBroken):
    """A reused connection closed before any byte of an answer: the server dropped it while idle."""


class _Connection(asyncio.Protocol):
    """One keep-alive connection; `exchange` sends a request and waits for its whole answer."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = 0.0
        self.used = False  # has answered a request before: a failure may be a stale keep-alive
        self._waiter: asyncio.Future[UpstreamResponse] | None = None
        self._parser: httptools.HttpResponseParser | None = None
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._received = False
        self._headers_done = False
        self._framed = False  # Content-Length or chunked: the answer does not end at close
        self._head_only = False
        self._reusable = True

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        if self._parser is None:  # nothing was asked: a server talking out of turn
            self.close()
            return
        self._received = True
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(UpstreamBroken(f"the answer is not valid HTTP: {exc}"))
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self._waiter is None or self._waiter.done():
            return
        if self._headers_done and not self._framed:
            self._reusable = False
            self.on_message_complete()  # the answer ran until the server closed: that is its end
        elif not self._received and self.used:
            self._fail(_Unanswered("the connection was closed before an answer"))
        else:
            self._fail(UpstreamBroken("the connection was closed before the whole answer"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        lowered = name.lower()
        self._headers.append((lowered, value))
        if lowered == b"content-length" or (lowered == b"transfer-encoding" and b"chunked" in value.lower()):
            self._framed = True

    def on_headers_complete(self) -> None:
        self._headers_done = True
        if self._head_only:
            self._reusable = False  # the parser would wait for the body a HEAD answer lacks
            self.on_message_complete()

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        waiter, parser = self._waiter, self._parser
        if waiter is None or parser is None or waiter.done():
            return
        if 100 <= parser.get_status_code() < 200:  # an interim answer (100 Continue): the real one follows
            self._headers, self._body = [], []
            self._headers_done = self._framed = False
            return
        if self._reusable and not parser.should_keep_alive():
            self._reusable = False
        waiter.set_result(UpstreamResponse(parser.get_status_code(), self._headers, b"".join(self._body)))

    # used by the pool
    async def exchange(self, request: bytes, head_only: bool, deadline: float) -> UpstreamResponse:
        assert self.transport is not None
        self._parser = httptools.HttpResponseParser(self)
        self._headers, self._body = [], []
        self._received = self._headers_done = self._framed = False
        self._head_only = head_only
        self._reusable = True
        waiter = self._waiter = self.loop.create_future()
        timer = self.loop.call_at(deadline, self._time_out)
        try:
            self.transport.write(request)
            return await waiter
        finally:
            timer.cancel()
            self._waiter = self._parser = None
            self.used = True
            if not (waiter.done() and not waiter.cancelled() and waiter.exception() is None and self._reusable):
                self.close()

    def _time_out(self) -> None:
        self._fail(UpstreamTimeout("no whole answer in time"))

    def _fail(self, error: UpstreamError) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(error)

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class ConnectionPool:
    """Keep-alive connections to one upstream, at most `max_connections` open at once; one idle
    for `idle_timeout_s` is dropped rather than raced against the server closing it."""

    def __init__(
        self,
        scheme: str,
        host: str,
        port: int,
        *,
        connect_timeout_s: float,
        idle_timeout_s: float,
        max_connections: int = 256,
    ) -> None:
        self.host, self.port = host, port
        self._ssl = ssl.create_default_context() if scheme == "https" else None
        default_port = 443 if scheme == "https" else 80
        self._host_header = host if port == default_port else f"{host}:{port}"
        self.connect_timeout_s = connect_timeout_s
        self.idle_timeout_s = idle_timeout_s
        self.max_connections = max_connections
        self._idle: deque[_Connection] = deque()  # most recently used on the right
        self._open = 0
        self._waiting: deque[asyncio.Future[_Connection | None]] = deque()

    async def request(
        self, method: str, target: str, headers: dict[str, str], body: bytes, *, timeout_s: float
    ) -> UpstreamResponse:
        """`target` is the path and query, already percent-encoded. Raises UpstreamError."""
        request = self._encode(method, target, headers, body)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        while True:
            connection = await self._acquire(loop, deadline)
            try:
                response = await connection.exchange(request, method == "HEAD", deadline)
            except _Unanswered:
                self._discard()
                if method in IDEMPOTENT_METHODS:
                    continue  # dropped while idle, before reading this request: send it again
                raise
            except BaseException:
                self._discard()
                raise
            self._release(connection, loop.time())
            return response

    def _encode(self, method: str, target: str, headers: dict[str, str], body: bytes) -> bytes:
        lines = "".join([f"{name}: {value}\r\n" for name, value in headers.items()])
        # Names and values come from a parsed request or from the gateway; a line break in one
        # would let it add headers of its own (the caller's roles), so it never goes out.
        if lines.count("\n") != len(headers) or lines.count("\r") != len(headers):
            raise ValueError("a header carries a line break")
        length = f"content-length: {len(body)}\r\n" if body or method in BODY_METHODS else ""
        head = f"{method} {target} HTTP/1.1\r\nhost: {self._host_header}\r\n{lines}{length}\r\n"
        return head.encode("latin-1") + body if body else head.encode("latin-1")

    async def _acquire(self, loop: asyncio.AbstractEventLoop, deadline: float) -> _Connection:
        idle, stale_before = self._idle, loop.time() - self.idle_timeout_s
        while idle:
            connection = idle.pop()
            if not connection.closed and connection.idle_since > stale_before:
                return connection
            connection.close()
            self._open -= 1
        if self._open < self.max_connections:
            self._open += 1  # a slot for the connection opened below
        else:
            handed = await self._wait_for_slot(loop, deadline)
            if handed is not None:
                return handed  # else a closed connection passed its slot on: _open counts it already
        try:
            async with asyncio.timeout(min(self.connect_timeout_s, max(0.0, deadline - loop.time()))):
                _, connection = await loop.create_connection(
                    lambda: _Connection(loop), self.host, self.port, ssl=self._ssl
                )
        except (OSError, TimeoutError) as exc:
            self._discard()
            raise UpstreamUnreachable(f"no connection to {self.host}:{self.port}: {exc or 'timed out'}") from None
        return connection

    async def _wait_for_slot(self, loop: asyncio.AbstractEventLoop, deadline: float) -> _Connection | None:
        """A connection another request releases, or None when one closes and frees its slot."""
        waiter: asyncio.Future[_Connection | None] = loop.create_future()
        self._waiting.append(waiter)
        timer = loop.call_at(
            deadline, lambda: waiter.done() or waiter.set_exception(UpstreamTimeout("no free connection in time"))
        )
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # handed over just as this request gave up
                handed = waiter.result()
                if handed is None:
                    self._discard()
                else:
                    self._release(handed, loop.time())
            raise
        finally:
            timer.cancel()

    def _release(self, connection: _Connection, now: float) -> None:
        if connection.closed:
            self._discard()
            return
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(connection)
                return
        connection.idle_since = now
        self._idle.append(connection)
        oldest = self._idle[0]
        if oldest.closed or oldest.idle_since <= now - self.idle_timeout_s:
            self._idle.popleft().close()
            self._open -= 1

    def _discard(self) -> None:
        """A connection is gone: its slot goes to a request waiting for one, if any."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)  # its slot passes on: _open stays as it is
                return
        self._open -= 1

    async def close(self) -> None:
        while self._idle:
            self._idle.pop().close()
        self._open = 0
