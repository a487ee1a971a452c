"""JSON logs that carry the request id and correlation id of whatever is being handled, and the
access log: one structured line per request, written by our middleware (uvicorn's is off)."""

import logging
import sys
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.orjson import OrjsonFormatter

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)

access_log = logging.getLogger("access")
# uvicorn's own loggers: sent through our handler (JSON, request ids) instead of its plain ones.
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error")
# Our middleware writes the access log; uvicorn's (plain text, no request id) would repeat it.
UVICORN_ACCESS_LOGGER = "uvicorn.access"
# uvicorn adds an ANSI-coloured copy of some messages; JSON lines have no use for it.
_NOT_LOGGED = [*RESERVED_ATTRS, "color_message"]


def _record_with_ids(factory: "logging._LogRecordFactory") -> "logging._LogRecordFactory":  # type: ignore[name-defined]
    def make(*args: object, **kwargs: object) -> logging.LogRecord:
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


class _OurHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marks the handler configure_logging installed, so that a second call replaces it."""


def configure_logging(service: str, level: str = "INFO", json: bool = True, access: bool = True) -> None:
    """One handler on the root logger (stderr, JSON lines by default). `access`: one line per
    request on the `access` logger, whatever `level` is."""
    handler = _OurHandler(sys.stderr)
    handler.addFilter(ServiceFilter(service))
    if json:
        handler.setFormatter(
            OrjsonFormatter(
                "%(levelname)s %(name)s %(message)s %(service)s %(request_id)s %(correlation_id)s",
                rename_fields={"levelname": "level", "name": "logger"},
                reserved_attrs=_NOT_LOGGED,
                timestamp="time",
            )
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(service)s %(name)s [%(request_id)s] %(message)s")
        )
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
    """The access line of one request (never its headers or query: they may hold credentials)."""
    if access_log.disabled:
        return
    access_log.info(
        "%s %s %d",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "route": route,
            "status": status,
            "duration_ms": round(duration_s * 1000, 3),
            "client": client,
            "caller": caller,
            "bytes": size,
        },
    )


def cause_of(error: BaseException) -> str | None:
    """The innermost exception `error` was raised from or while handling (even one hidden with
    `raise ... from None`): what to log as the cause of a failure."""
    found, seen = None, set()
    current = error.__cause__ or error.__context__
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found, current = current, current.__cause__ or current.__context__
    return f"{type(found).__name__}: {found}" if found is not None else None
