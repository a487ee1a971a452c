"""JSON logs that carry the request id and correlation id of whatever is being handled."""

import logging
import sys
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)


class ContextFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        record.request_id = request_id_var.get()
        record.correlation_id = correlation_id_var.get()
        return True


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ContextFilter(service))
    if json:
        handler.setFormatter(
            JsonFormatter(
                "%(levelname)s %(name)s %(message)s %(service)s %(request_id)s %(correlation_id)s",
                rename_fields={"levelname": "level", "name": "logger"},
                timestamp="time",
            )
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(service)s %(name)s [%(request_id)s] %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # A line per message, request or probe from these; their warnings still come through.
    for chatty in ("aiokafka", "httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(max(logging.getLevelName(level), logging.WARNING))
