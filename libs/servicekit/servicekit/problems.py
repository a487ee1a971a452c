"""RFC 9457 problem details: every error of the platform answers in this shape, never a bare 500."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from servicekit.errors import Conflict, Forbidden, InvalidField, NotFound
from servicekit.http_methods import allowed_methods
from servicekit.logs import cause_of

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger(__name__)

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    500: "Internal error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}


class Problem(Exception):
    """Raise anywhere in a request to answer with a problem body."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        title: str | None = None,
        type: str = "about:blank",
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or title or TITLES.get(status, "Error"))
        self.status = status
        self.title = title or TITLES.get(status, "Error")
        self.detail = detail
        self.type = type
        self.errors = errors
        self.headers = headers
        self.extensions = extensions

    def body(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type, "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if instance:
            body["instance"] = instance
        if self.errors is not None:
            body["errors"] = self.errors
        body.update(self.extensions)
        return body


def problem_response(problem: Problem, instance: str | None = None) -> JSONResponse:
    return JSONResponse(
        problem.body(instance), status_code=problem.status, media_type=PROBLEM_JSON, headers=problem.headers
    )


def field_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic's errors as [{field, message, type}], the field a dotted path like body.budget.currency."""
    listed = []
    for err in errors:
        location = [str(part) for part in err.get("loc", ())]
        message = err.get("msg", "")
        if err.get("type") == "json_invalid" and location[:1] == ["body"]:
            # FastAPI puts the character offset where the field would be: say it in the message.
            reason = (err.get("ctx") or {}).get("error", "")
            message = f"not valid JSON at character {location[1]}: {reason}" if len(location) > 1 else message
            location = ["body"]
        # A ValueError raised by a validator reads "Value error, <its message>": the message is enough.
        message = message.removeprefix("Value error, ")
        listed.append({"field": ".".join(location), "message": message, "type": err.get("type", "")})
    return listed


def log_server_problem(method: str, path: str, problem: Problem) -> None:
    """A 5xx answered as `problem`, logged once, where it is answered: what failed and why (an
    unexpected error is logged with its stack instead, by RequestContextMiddleware)."""
    cause = cause_of(problem)
    upstream = problem.extensions.get("upstream")
    log.warning(
        "%s %s answered %d: %s%s",
        method,
        path,
        problem.status,
        problem.detail or problem.title,
        f" ({cause})" if cause else "",
        extra={"status": problem.status, "upstream": upstream, "cause": cause},
    )


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    if exc.status >= 500:
        log_server_problem(request.method, request.url.path, exc)
    return problem_response(exc, request.url.path)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc.errors())
    fields = ", ".join(e["field"] for e in errors)
    problem = Problem(422, f"Invalid fields: {fields}", errors=errors)
    return problem_response(problem, request.url.path)


_FASTAPI_BODY_ERROR = "There was an error parsing the body"


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers) if exc.headers else None
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 400 and detail == _FASTAPI_BODY_ERROR:
        # FastAPI's answer to a body it could not decode (not UTF-8): name the field, as for bad JSON.
        errors = [{"field": "body", "message": "is not UTF-8 encoded JSON", "type": "json_invalid"}]
        return problem_response(Problem(422, "Invalid fields: body", errors=errors), request.url.path)
    if exc.status_code == 405:
        # Starlette names only the first route that matched the path: list them all.
        headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request.app.router.routes, request.scope))}
    return problem_response(Problem(exc.status_code, detail, headers=headers), request.url.path)


# SQLSTATEs of a server going away or not taking connections yet (class 08, admin/crash shutdown,
# starting up): the same request succeeds once it is back.
_UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03")
DATABASE_RETRY_AFTER_S = 2


def database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) is the database out of reach rather than a fault of the
    request: a refused or broken connection, a server shutting down or starting up."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OperationalError | InterfaceError):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, OSError):  # refused, reset, timed out
            return True
        sqlstate = getattr(current, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate.startswith(_UNAVAILABLE_SQLSTATES):
            return True
        current = current.__cause__ or current.__context__
    return False


def unexpected_problem(method: str, path: str, exc: BaseException) -> Problem:
    """The answer to an error no handler took, logged once: a 503 to retry when the database is out
    of reach, else a 500 (with its stack in the log, never in the answer)."""
    if database_unavailable(exc):
        log.warning("%s %s answered 503: the database is out of reach (%s)", method, path, cause_of(exc) or exc)
        return Problem(
            503,
            "The database is out of reach for a moment; send the request again shortly.",
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_S)},
        )
    log.error("unhandled error on %s %s", method, path, exc_info=exc)
    return Problem(500, "An unexpected error occurred; it has been logged.")


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(unexpected_problem(request.method, request.url.path, exc), request.url.path)


def _invalid_field_handler(prefix: str) -> Any:
    async def on_invalid_field(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, InvalidField)
        field = prefix + exc.field if exc.field else prefix.rstrip(".")
        errors = [{"field": field, "message": exc.message, "type": "value_error"}]
        return problem_response(Problem(422, f"{field}: {exc.message}", errors=errors), request.url.path)

    return on_invalid_field


async def _on_not_found(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(Problem(404, str(exc)), request.url.path)


async def _on_forbidden(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Forbidden)
    return problem_response(Problem(403, str(exc), **exc.details), request.url.path)


async def _on_conflict(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Conflict)
    return problem_response(Problem(409, str(exc), **exc.details), request.url.path)


def install_problem_handlers(app: FastAPI, invalid_field_prefix: str = "") -> None:
    """`invalid_field_prefix`: where the fields a domain's InvalidField names are found, "body."
    for a service whose domain checks only request bodies (errors then read body.terms.fee)."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(InvalidField, _invalid_field_handler(invalid_field_prefix))
    app.add_exception_handler(NotFound, _on_not_found)
    app.add_exception_handler(Forbidden, _on_forbidden)
    app.add_exception_handler(Conflict, _on_conflict)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
