"""Problem answers particular to metrics: refusals of several items at once, ids not known yet,
and bodies that are one item or a batch (their validation errors name the field as sent)."""

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.responses import JSONResponse

from metrics.application.conversions import Refusals
from metrics.application.insights import SnapshotRefusals
from metrics.domain.errors import NotKnownYet
from servicekit.problems import Problem, field_errors, problem_response

# The tags of the bodies that are one item or a batch (request_schemas): not part of a field's path.
_BODY_SHAPES = frozenset({"single", "batch"})
RETRY_AFTER_S = 5


def _errors(prefix: str, errors: list[tuple[str, str]], kind: str) -> list[dict[str, str]]:
    return [
        {"field": f"{prefix}.{field}" if field else prefix, "message": message, "type": kind}
        for field, message in errors
    ]


async def _on_refusals(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Refusals | SnapshotRefusals)
    kind = "value_error" if exc.status == 422 else "conflict"
    errors = _errors("body", exc.errors, kind)
    detail = ("Invalid fields: " if exc.status == 422 else "Conflicts with what was reported before: ") + ", ".join(
        e["field"] for e in errors
    )
    return problem_response(Problem(exc.status, detail, errors=errors), request.url.path)


async def _on_not_known_yet(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NotKnownYet)
    field = f"body.{exc.field}"
    problem = Problem(
        422,
        f"{field}: {exc.message}",
        errors=[{"field": field, "message": exc.message, "type": "value_error"}],
        headers={"Retry-After": str(RETRY_AFTER_S)},
        retryable=True,
    )
    return problem_response(problem, request.url.path)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = []
    for error in exc.errors():
        location = list(error.get("loc", ()))
        if len(location) > 1 and location[0] == "body" and location[1] in _BODY_SHAPES:
            del location[1]
        raw.append({**error, "loc": tuple(location)})
    errors = field_errors(raw)
    problem = Problem(422, f"Invalid fields: {', '.join(e['field'] for e in errors)}", errors=errors)
    return problem_response(problem, request.url.path)


def install(app: FastAPI) -> None:
    app.add_exception_handler(Refusals, _on_refusals)
    app.add_exception_handler(SnapshotRefusals, _on_refusals)
    app.add_exception_handler(NotKnownYet, _on_not_known_yet)
    app.add_exception_handler(RequestValidationError, _on_validation)
