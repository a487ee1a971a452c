"""One OpenAPI document for the whole API: the gateway's own operations and every service's,
under their public paths (services serve the same paths the gateway exposes)."""

import copy
import json
import logging
from typing import Any

from gateway.adapters.upstreams import Upstreams
from gateway.domain.idempotency import KEY_PATTERN, KEY_TTL_S, MAX_KEY_LENGTH
from gateway.domain.routing import OPERATIONS
from servicekit.background import BackgroundLoop
from servicekit.idempotency import MAX_KEPT_ANSWER_BYTES
from servicekit.problem_docs import add_problems, operations

log = logging.getLogger(__name__)

INTERNAL_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
SECURITY_SCHEMES = {
    "oauth2": {
        "type": "oauth2",
        "description": "A user's access token (password grant) or an API key's (client_credentials).",
        "flows": {
            "password": {"tokenUrl": "/api/v1/auth/token", "refreshUrl": "/api/v1/auth/token", "scopes": {}},
            "clientCredentials": {"tokenUrl": "/api/v1/auth/token", "scopes": {}},
        },
    },
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "A partner integration's key"},
}
SECURITY = [{"oauth2": []}, {"apiKey": []}]
UPSTREAM_FAILURES = (502, 503, 504)
# Paths that need no caller.
PUBLIC_OPERATIONS = frozenset(
    (operation.path, operation.method.lower()) for operation in OPERATIONS if operation.public
)


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/schemas/"):
                name = value.removeprefix("#/components/schemas/")
                out[key] = f"#/components/schemas/{renames.get(name, name)}"
            else:
                out[key] = _rename_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rename_refs(item, renames) for item in node]
    return node


def idempotency_key_parameter(ttl_s: int) -> dict[str, Any]:
    """The header every POST honours (gateway/adapters/idempotency_store.py)."""
    kept = f"{ttl_s // 3600} hours" if ttl_s % 3600 == 0 else f"{ttl_s} seconds"
    return {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": (
            "Makes a retry of this POST take effect once. The key is the caller's own (a user or an API "
            "key, in its org; without credentials, the client address). The first answer is kept "
            f"{kept} and replayed, marked `Idempotent-Replayed: true`, for the same key and body; the "
            "key with another body is a 409, and so is a retry while the first request still runs "
            "(with `Retry-After: 1`). An answer that shows a secret once (marked `Cache-Control: "
            f"no-store`) or is over {MAX_KEPT_ANSWER_BYTES // 1024 // 1024} MiB is never kept: its retry is a 409 "
            "problem naming what the first request made (`not_kept`, `first_status`, `id`, `location`). "
            "A 5xx, 401, 429 or an answer with `Retry-After` is not kept: retry with the same key. "
            f"1 to {MAX_KEY_LENGTH} visible ASCII characters, spaces inside only (else a 400)."
        ),
        "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH, "pattern": KEY_PATTERN},
    }


def _with_idempotency_key(operation: dict[str, Any], parameter: dict[str, Any]) -> None:
    parameters = operation.get("parameters", [])
    if not any(p.get("in") == "header" and p.get("name", "").lower() == "idempotency-key" for p in parameters):
        operation["parameters"] = [*parameters, parameter]  # a new list: the services' documents stay as fetched


def merge(
    own: dict[str, Any], services: dict[str, dict[str, Any]], idempotency_ttl_s: int = KEY_TTL_S
) -> dict[str, Any]:
    doc = copy.deepcopy(own)
    doc.setdefault("components", {}).setdefault("schemas", {})
    schemas: dict[str, Any] = doc["components"]["schemas"]
    paths: dict[str, Any] = doc.setdefault("paths", {})
    for service, service_doc in sorted(services.items()):
        renames = _clashing_names(service, schemas, service_doc.get("components", {}).get("schemas", {}))
        service_doc = _rename_refs(service_doc, renames)
        for name, schema in service_doc.get("components", {}).get("schemas", {}).items():
            schemas.setdefault(renames.get(name, name), schema)
        for path, service_operations in service_doc.get("paths", {}).items():
            if path in INTERNAL_PATHS:
                continue
            target = paths.setdefault(path, {})
            for method, operation in service_operations.items():
                operation = dict(operation)
                operation["tags"] = [*operation.get("tags", []), service]
                if method not in target:
                    # Through the gateway a service's failure is a 502, 503 or 504 problem.
                    add_problems(operation, UPSTREAM_FAILURES)
                    target[method] = operation
    idempotency_key = idempotency_key_parameter(idempotency_ttl_s)
    for path, method, operation in operations(doc):
        if path in INTERNAL_PATHS:
            continue
        add_problems(operation, _gateway_problems(path, method, operation))
        if method == "post":
            _with_idempotency_key(operation, idempotency_key)
        if (path, method) in PUBLIC_OPERATIONS or path.startswith("/r/"):
            continue
        operation.setdefault("security", SECURITY)
    doc["components"].setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    return doc


def _clashing_names(service: str, schemas: dict[str, Any], incoming: dict[str, Any]) -> dict[str, str]:
    """A service's schema named like a different one already merged is renamed `<service>_<name>`;
    so is one that refers to a renamed schema (two `Page_Item_` read alike while their `Item`s differ)."""
    renames: dict[str, str] = {}
    while True:
        renamed = _rename_refs(incoming, renames)
        clashes = {
            name: f"{service}_{name}"
            for name, schema in renamed.items()
            if name not in renames
            and name in schemas
            and json.dumps(schemas[name], sort_keys=True) != json.dumps(schema, sort_keys=True)
        }
        if not clashes:
            return renames
        renames |= clashes


def _gateway_problems(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    """What the gateway itself may answer before or instead of the operation."""
    statuses = [429]  # every route class has a rate limit
    if (path, method) not in PUBLIC_OPERATIONS and not path.startswith("/r/"):
        statuses += [401, 403]
    if method == "post":
        statuses += [400, 409]  # an Idempotency-Key that is malformed, or reused with another body
    if method in ("post", "put", "patch") or "requestBody" in operation:
        statuses.append(413)
    return statuses


class ServiceDocs(BackgroundLoop):
    """Each service's OpenAPI document, fetched at start-up and refreshed in the background."""

    name = "openapi-refresh"

    def __init__(self, upstreams: Upstreams, refresh_s: float = 300.0) -> None:
        super().__init__(refresh_s)
        self.upstreams = upstreams
        self.refresh_s = refresh_s
        self.docs: dict[str, dict[str, Any]] = {}
        self.version = 0

    async def run_once(self) -> bool:
        # A service that did not answer is asked again soon, the others at the refresh interval.
        self.poll_interval_s = self.refresh_s if await self.fetch_all() else 5.0
        return False

    async def fetch_all(self) -> bool:
        complete = True
        for name, upstream in self.upstreams.by_name.items():
            try:
                response = await upstream.http.get("/openapi.json", timeout=5)
                response.raise_for_status()
                document = response.json()
            except Exception as exc:  # a service down at start-up: keep what we had, retry soon
                log.info("no OpenAPI from %s yet: %s", name, exc)
                complete = False
                continue
            if self.docs.get(name) != document:
                self.docs[name] = document
                self.version += 1
        return complete
