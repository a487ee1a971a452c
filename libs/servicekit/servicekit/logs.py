"""JSON logs that carry the request id and correlation id of whatever is being handled, and the
access log: one structured line per request, written by our middleware (uvicorn's is off)."""

import asyncio
import atexit
import logging
import sys
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)

access_log = logging.getLogger("access")
# uvicorn's own loggers: sent through our handler (JSON, request ids) instead of its plain ones.
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error")
# Our middleware writes the access log; uvicorn's (plain text, no request id) would repeat it.
UVICORN_ACCESS_LOGGER = "uvicorn.access"
# What every record has; the rest of its attributes are the `extra` a line was logged with.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "service",
    "request_id",
    "correlation_id",
    "color_message",  # uvicorn's ANSI-coloured copy of its message
}


RecordFactory = Callable[..., logging.LogRecord]


def _record_with_ids(factory: RecordFactory) -> RecordFactory:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        record.request_id = request_id_var.get()
        record.correlation_id = correlation_id_var.get()
        return record

    make.carries_ids = True  # type: ignore[attr-defined]
    return make


def _install_record_factory() -> None:
    # Read when the record is made, in the task that logs: every handler (pytest's caplog too)
    # sees the ids, not only ours.
    current = logging.getLogRecordFactory()
    if not getattr(current, "carries_ids", False):
        logging.setLogRecordFactory(_record_with_ids(current))


_install_record_factory()


class ServiceFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        return True


def _json_line(
    created: float,
    level: str,
    logger: str,
    message: str,
    service: str | None,
    request_id: str | None,
    correlation_id: str | None,
    fields: Iterable[tuple[str, Any]],
) -> str:
    line = {
        "time": datetime.fromtimestamp(created, UTC).isoformat(),
        "level": level,
        "logger": logger,
        "message": message,
        "service": service,
        "request_id": request_id,
        "correlation_id": correlation_id,
    }
    line.update(fields)
    return orjson.dumps(line, default=str).decode()


class JsonLines(logging.Formatter):
    """One JSON object a line: time, level, logger, message, service, the ids, then the extras.
    (python-json-logger's formatter took 10 us a line; this one 2.)"""

    def format(self, record: logging.LogRecord) -> str:
        fields = [(key, value) for key, value in vars(record).items() if key not in _STANDARD]
        if record.exc_info:
            record.exc_text = record.exc_text or self.formatException(record.exc_info)
        if record.exc_text:
            fields.append(("exc_info", record.exc_text))
        if record.stack_info:
            fields.append(("stack_info", self.formatStack(record.stack_info)))
        return _json_line(
            record.created,
            record.levelname,
            record.name,
            record.getMessage(),
            getattr(record, "service", None),
            getattr(record, "request_id", None),
            getattr(record, "correlation_id", None),
            fields,
        )


class _OurHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler configure_logging installs (a second call replaces it)."""

    def __init__(self, service: str, json: bool) -> None:
        super().__init__(sys.stderr)
        self.service = service
        self.json = json
        self.addFilter(ServiceFilter(service))
        self.setFormatter(
            JsonLines()
            if json
            else logging.Formatter("%(asctime)s %(levelname)s %(service)s %(name)s [%(request_id)s] %(message)s")
        )

        self._access_lines: list[str] = []

    def write_access_line(self, line: str) -> None:
        """Written at the end of the event loop's turn with the other requests answered in it: one
        write for many lines (a write each was ~13 us of the ~90 a redirect costs the gateway)."""
        self.acquire()
        try:
            if not self._access_lines:
                try:
                    asyncio.get_running_loop().call_soon(self.flush_access_lines)
                except RuntimeError:  # no loop running: at once
                    self._write(line + self.terminator)
                    return
            self._access_lines.append(line)
        finally:
            self.release()

    def flush_access_lines(self) -> None:
        self.acquire()
        try:
            lines, self._access_lines = self._access_lines, []
            if lines:
                self._write(self.terminator.join(lines) + self.terminator)
        finally:
            self.release()

    def emit(self, record: logging.LogRecord) -> None:
        if self._access_lines:  # the lines keep their order
            self.flush_access_lines()
        super().emit(record)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except Exception:  # as logging does: a log line that cannot be written never fails a request
            pass


_ours: _OurHandler | None = None


@atexit.register
def _flush_at_exit() -> None:
    if _ours is not None:
        _ours.flush_access_lines()


def configure_logging(service: str, level: str = "INFO", json: bool = True, access: bool = True) -> None:
    """One handler on the root logger (stderr, JSON lines by default). `access`: one line per
    request on the `access` logger, whatever `level` is."""
    global _ours
    if _ours is not None:
        _ours.flush_access_lines()
    handler = _ours = _OurHandler(service, json)
    root = logging.getLogger()
    # Handlers others put there (pytest's capture) stay; one of ours from an earlier call goes.
    root.handlers[:] = [h for h in root.handlers if not isinstance(h, _OurHandler)] + [handler]
    root.setLevel(level)
    for name in UVICORN_LOGGERS:
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    logging.getLogger(UVICORN_ACCESS_LOGGER).disabled = True
    access_log.setLevel(logging.INFO)
    access_log.disabled = not access
    # Records are made per request: skip what no line of ours shows.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    # A line per message, request or probe from these; their warnings still come through.
    for chatty in ("aiokafka", "httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(max(logging.getLevelName(level), logging.WARNING))


def log_access(
    method: str,
    path: str,
    route: str,
    status: int,
    duration_s: float,
    client: str | None,
    caller: str | None,
    size: int,
) -> None:
    """The access line of one request (never its headers or query: they may hold credentials).

    On the proxy's hot path: when our JSON handler is the only one listening (always, but in
    tests), the line is written to it straight, the same line its formatter would write, in
    4 us instead of the 9 a record through logging takes."""
    if access_log.disabled or not access_log.isEnabledFor(logging.INFO):
        return
    duration_ms = round(duration_s * 1000, 3)
    handlers = logging.root.handlers
    ours = _ours
    if ours is not None and ours.json and len(handlers) == 1 and handlers[0] is ours and not access_log.handlers:
        ours.write_access_line(
            _json_line(
                time.time(),
                "INFO",
                access_log.name,
                f"{method} {path} {status}",
                ours.service,
                request_id_var.get(),
                correlation_id_var.get(),
                (
                    ("method", method),
                    ("path", path),
                    ("route", route),
                    ("status", status),
                    ("duration_ms", duration_ms),
                    ("client", client),
                    ("caller", caller),
                    ("bytes", size),
                ),
            )
        )
        return
    # Made and handed over directly: Logger.info would also look up the caller's frame.
    record = access_log.makeRecord(
        access_log.name,
        logging.INFO,
        "",
        0,
        "%s %s %d",
        (method, path, status),
        None,
        extra={
            "method": method,
            "path": path,
            "route": route,
            "status": status,
            "duration_ms": duration_ms,
            "client": client,
            "caller": caller,
            "bytes": size,
        },
    )
    access_log.handle(record)


def cause_of(error: BaseException) -> str | None:
    """The innermost exception `error` was raised from or while handling (even one hidden with
    `raise ... from None`): what to log as the cause of a failure."""
    found, seen = None, set()
    current = error.__cause__ or error.__context__
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found, current = current, current.__cause__ or current.__context__
    return f"{type(found).__name__}: {found}" if found is not None else None
