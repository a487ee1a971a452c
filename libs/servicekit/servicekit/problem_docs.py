"""The OpenAPI says what the API answers when it refuses: every error is an RFC 9457 problem
(`application/problem+json`), documented on each operation for the statuses it can give, in place
of FastAPI's own validation-error shape (which the API never sends)."""

from collections.abc import Iterable
from typing import Any

from servicekit.problems import PROBLEM_JSON, TITLES

PROBLEM_REF = "#/components/schemas/Problem"
PROBLEM_SCHEMAS: dict[str, Any] = {
    "Problem": {
        "title": "Problem",
        "description": "RFC 9457 problem details; `errors` lists each bad field.",
        "type": "object",
        "required": ["type", "title", "status"],
        "properties": {
            "type": {"type": "string", "description": "A URI naming the kind of problem (`about:blank`: the status)"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "instance": {"type": "string", "description": "The path of the request"},
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldProblem"}},
        },
        # Problems may carry extensions (e.g. `upstream`, `allowed_actions`, `error`).
        "additionalProperties": True,
    },
    "FieldProblem": {
        "title": "FieldProblem",
        "type": "object",
        "required": ["field", "message"],
        "properties": {
            "field": {"type": "string", "description": "Where: `body.budget.currency`, `query.limit`, ..."},
            "message": {"type": "string"},
            "type": {"type": "string"},
        },
    },
}
# What each status means on any operation that can give it.
DESCRIPTIONS = {
    400: "Bad request: malformed (e.g. an invalid Idempotency-Key)",
    401: "No credentials, or credentials that are not (or no longer) valid",
    403: "Authenticated, but this role or API-key scope may not do this",
    404: "Not found, or it belongs to another org",
    405: "Method not allowed",
    409: "Conflict: the current state does not allow this, or an Idempotency-Key reused with another body",
    413: "The request body is too large",
    415: "Unsupported media type",
    422: "Invalid input: `errors` names each bad field",
    429: "Rate limited: retry after `Retry-After` seconds",
    500: "Internal error",
    502: "The service behind the gateway failed",
    503: "The service behind the gateway is unavailable (see `Retry-After`)",
    504: "The service behind the gateway did not answer in time",
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def problem_doc(status: int, description: str | None = None) -> dict[str, Any]:
    return {
        "description": description or DESCRIPTIONS.get(status, TITLES.get(status, "Error")),
        "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_REF}}},
    }


def operations(doc: dict[str, Any]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for path, item in doc.get("paths", {}).items():
        for method, operation in item.items():
            if method in _METHODS:
                yield path, method, operation


def add_problems(operation: dict[str, Any], statuses: Iterable[int]) -> None:
    """Documents `statuses` as problems on `operation`, keeping any the route described itself
    (their description stays; their body is a problem)."""
    responses = operation.setdefault("responses", {})
    for status in statuses:
        existing = responses.get(str(status))
        documented = problem_doc(status, existing.get("description") if existing else None)
        responses[str(status)] = documented


def document_service_problems(doc: dict[str, Any]) -> dict[str, Any]:
    """The problems a service itself may answer: 422 for bad parameters or bodies, 404 for an id
    that is not there (or another org's), 409 for a write the current state refuses, and the
    statuses a route declared. Mutates and returns `doc`."""
    for path, method, operation in operations(doc):
        statuses = {int(code) for code in operation.get("responses", {}) if code.isdigit() and int(code) >= 400}
        if operation.get("parameters") or operation.get("requestBody"):
            statuses.add(422)
        if "{" in path:
            statuses.add(404)
        if any(parameter.get("name") == "cursor" for parameter in operation.get("parameters", [])):
            statuses.add(400)  # a cursor this API did not issue
        if method in ("post", "put", "patch", "delete"):
            statuses.add(409)
        add_problems(operation, sorted(statuses))
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        schemas.pop(name, None)
    schemas.update(PROBLEM_SCHEMAS)
    return doc
