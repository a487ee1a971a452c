"""Bad values for every parameter and JSON body field an OpenAPI document names: what a careless
or hostile client sends (64-bit overflows, NaN, NUL, huge strings and lists, wrong types, times
without their offset). A test sends each probe to a service and asserts that none is answered with
a 5xx, and that a probe refused whatever the rest of the request (`Probe.refused`) is a 422 naming
its field (`misanswered`).

Each body probe starts from a valid body built from the schema (every optional field filled in,
so that a bad value in one field meets the code behind it) and replaces one node of it.
"""

import base64
import json
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

# As JSON text: what Python's json.loads (FastAPI's body parser) accepts, NaN and Infinity too.
BODY_VALUES: tuple[tuple[str, str], ...] = (
    ("2**63", str(2**63)),
    ("2**53+1", str(2**53 + 1)),
    ("10**40", str(10**40)),
    ("-1", "-1"),
    ("1e308", "1e308"),
    ("1e309", "1e309"),
    ("NaN", "NaN"),
    ("-Infinity", "-Infinity"),
    ("a number as a string", '"100"'),
    ("true", "true"),
    ("NUL", '"a\\u0000b"'),
    ("a lone surrogate", '"a\\ud800b"'),
    ("100k characters", json.dumps("x" * 100_000)),
    ("empty string", '""'),
    ("ZZZ", '"ZZZ"'),
    ("null", "null"),
)
# A list or object replaced: by something of another kind.
CONTAINER_VALUES: tuple[tuple[str, str], ...] = (
    ("2**63", str(2**63)),
    ("a string", '"x"'),
    ("an object", '{"a": 1}'),
    ("a list", "[1]"),
    ("null", "null"),
)
QUERY_VALUES: tuple[tuple[str, str], ...] = (
    ("2**63", str(2**63)),
    ("-2**63-1", str(-(2**63) - 1)),
    ("10**40", str(10**40)),
    ("-1", "-1"),
    ("1.5", "1.5"),
    ("1e309", "1e309"),
    ("NaN", "NaN"),
    ("inf", "inf"),
    ("NUL", "a\x00b"),
    ("a control character", "a\x1bb"),
    ("10k characters", "x" * 10_000),
    ("empty", ""),
    ("ZZZ", "ZZZ"),
)
PATH_VALUES: tuple[tuple[str, str], ...] = (
    ("2**63", str(2**63)),
    ("-1", "-1"),
    ("NUL", "a%00b"),
    ("2k characters", "x" * 2_000),
)
# Cursors a client forges (base64url JSON lists, as the services issue them): overflows, naive,
# far and impossible times, wrong kinds.
FORGED_CURSORS: tuple[tuple[str, str], ...] = tuple(
    (label, base64.urlsafe_b64encode(raw.encode()).decode().rstrip("="))
    for label, raw in (
        ("a cursor of 2**63", f"[{2**63}]"),
        ("a cursor of naive time", '["2026-01-01T00:00:00", "00000000-0000-4000-8000-000000000000"]'),
        ("a cursor at year 1", '["0001-01-01T00:00:00-23:59", "00000000-0000-4000-8000-000000000000"]'),
        ("a cursor at year 9999", '["9999-12-31T23:59:59+00:00", "00000000-0000-4000-8000-000000000000"]'),
        ("a cursor of huge numbers", f'["-followers", "{10**30}", "00000000-0000-4000-8000-000000000000"]'),
        ("a cursor of another sort", '["ranked", 1e308]'),
        ("a cursor of wrong kinds", '[null, true, "x"]'),
    )
)
# A date-time field or parameter (format date-time: RFC 3339, whose times carry their offset) given
# a time without one: the database keeps instants, a naive time is no instant.
NAIVE_TIME = "2026-05-01T10:00:00"
MANY = 2_000  # items in a list (or keys in a map) far beyond any limit
# A named sample that must differ between requests (a handle unique in its catalogue).
UNIQUE = "\u2603unique\u2603"


@dataclass(frozen=True)
class Probe:
    method: str
    path: str
    what: str
    params: tuple[tuple[str, str], ...] = ()
    content: bytes | None = None
    content_type: str | None = None
    refused: str | None = None  # the field a 422 must name, whatever the rest of the request


def misanswered(probe: Probe, response: httpx.Response) -> str | None:
    """What is wrong with the answer to a probe that must be refused, if anything."""
    if probe.refused is None:
        return None
    problem = response.json() if response.headers.get("content-type") == "application/problem+json" else {}
    named = [error.get("field") for error in problem.get("errors", [])] if response.status_code == 422 else []
    if probe.refused in named:
        return None
    return f"{probe.what}: {response.status_code}, not a 422 naming {probe.refused} {response.text[:160]}"


def probes(
    openapi: Mapping[str, Any],
    path_values: Mapping[str, str],
    raw_bodies: Mapping[tuple[str, str], tuple[bytes, str]] | None = None,
    named_samples: Mapping[str, Any] | None = None,
) -> Iterator[Probe]:
    """Every probe for every operation. `path_values` gives each path parameter a real value
    (an existing object's id); `raw_bodies` the body of operations that take no JSON, by
    (method, path template); `named_samples` a valid value for body fields (or list items) of
    that name where the schema cannot tell one (a country, a language)."""
    resolver = _Resolver(openapi, named_samples or {})
    for template, item in openapi.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            yield from _operation_probes(
                resolver, method.upper(), template, operation, path_values, (raw_bodies or {}).get((method, template))
            )


def _operation_probes(
    resolver: "_Resolver",
    method: str,
    template: str,
    operation: Mapping[str, Any],
    path_values: Mapping[str, str],
    raw_body: tuple[bytes, str] | None,
) -> Iterator[Probe]:
    parameters = [resolver.resolve(p) for p in operation.get("parameters", [])]
    path_names = [p["name"] for p in parameters if p["in"] == "path"]

    def path_with(**override: str) -> str:
        path = template
        for name in path_names:
            path = path.replace("{" + name + "}", override.get(name, path_values.get(name, str(uuid.uuid4()))))
        return path

    schema = _json_body_schema(resolver, operation)
    bases = [] if schema is None else resolver.samples(schema)
    content = json.dumps(bases[0]).encode() if bases else raw_body[0] if raw_body else None
    content_type = "application/json" if bases else raw_body[1] if raw_body else None

    def probe(
        what: str,
        path: str | None = None,
        params: tuple[tuple[str, str], ...] = (),
        refused: str | None = None,
        **body: Any,
    ) -> Probe:
        sent = body.get("content", content)
        if sent is not None and bases:
            sent = _UNIQUE_JSON.sub(lambda _: uuid.uuid4().hex[:12], sent.decode()).encode()
        return Probe(method, path or path_with(), f"{method} {template} {what}", params, sent, content_type, refused)

    yield probe("as valid as the schema says")
    for name in path_names:
        for label, value in PATH_VALUES:
            yield probe(f"path.{name} = {label}", path=path_with(**{name: value}))
    for parameter in parameters:
        if parameter["in"] != "query":
            continue
        name = parameter["name"]
        for label, value in QUERY_VALUES + (FORGED_CURSORS if name == "cursor" else ()):
            yield probe(f"query.{name} = {label}", params=((name, value),))
        if _is_array(resolver, parameter.get("schema", {})):
            yield probe(f"query.{name} repeated {MANY} times", params=tuple((name, "US") for _ in range(MANY)))
        if _is_time(resolver, parameter.get("schema", {})):
            yield probe(f"query.{name} = {NAIVE_TIME}", params=((name, NAIVE_TIME),), refused=f"query.{name}")
    seen: set[tuple[str | int, ...]] = set()
    for base in bases:
        for location, node in _nodes(base):
            if location in seen:
                continue
            seen.add(location)
            field = ".".join(["body", *map(str, location)])
            values = CONTAINER_VALUES if isinstance(node, dict | list) else BODY_VALUES
            if location[-1] == "cursor":
                values += tuple((label, json.dumps(cursor)) for label, cursor in FORGED_CURSORS)
            for label, value in values:
                yield probe(f"{field} = {label}", content=_replaced(base, location, value))
            if isinstance(node, _Time):
                naive = _replaced(base, location, json.dumps(NAIVE_TIME))
                yield probe(f"{field} = {NAIVE_TIME}", content=naive, refused=field)
            if isinstance(node, list) and node:
                many = json.dumps([node[0]] * MANY)
                yield probe(f"{field} with {MANY} items", content=_replaced(base, location, many))
            if isinstance(node, dict) and node:
                first = next(iter(node.values()))
                many = json.dumps({f"K{i}": first for i in range(MANY)})
                yield probe(f"{field} with {MANY} keys", content=_replaced(base, location, many))
                bad_key = json.dumps({"a\u0000b": first})
                yield probe(f"{field} with a NUL in a key", content=_replaced(base, location, bad_key))


def _json_body_schema(resolver: "_Resolver", operation: Mapping[str, Any]) -> Mapping[str, Any] | None:
    body = operation.get("requestBody")
    if body is None:
        return None
    media = resolver.resolve(body).get("content", {}).get("application/json")
    return None if media is None else media.get("schema", {})


def _is_array(resolver: "_Resolver", schema: Mapping[str, Any]) -> bool:
    schema = resolver.resolve(schema)
    options = schema.get("anyOf", [schema])
    return any(resolver.resolve(option).get("type") == "array" for option in options)


def _is_time(resolver: "_Resolver", schema: Mapping[str, Any]) -> bool:
    schema = resolver.resolve(schema)
    options = schema.get("anyOf", [schema])
    return any(resolver.resolve(option).get("format") == "date-time" for option in options)


def _nodes(value: Any, location: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every node below the root, with where it is."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*location, key), child
            yield from _nodes(child, (*location, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:1]):
            yield (*location, index), child
            yield from _nodes(child, (*location, index))


_MARK = "\u2603-replaced-\u2603"
_UNIQUE_JSON = re.compile(re.escape(json.dumps(UNIQUE)[1:-1]))


def _replaced(base: Any, location: tuple[str | int, ...], raw_json: str) -> bytes:
    """The body as JSON with the node at `location` replaced by raw JSON text."""
    copy = json.loads(json.dumps(base))
    parent = copy
    for step in location[:-1]:
        parent = parent[step]
    parent[location[-1]] = _MARK
    return json.dumps(copy).replace(json.dumps(_MARK), raw_json).encode()


_STRING_SAMPLES = ("USD", "instagram", "US", "en", "sample")


class _Time(str):
    """The sample of a date-time field: where a time without its offset is probed."""


class _Resolver:
    def __init__(self, openapi: Mapping[str, Any], named: Mapping[str, Any]) -> None:
        self.openapi = openapi
        self.named = named

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            target: Any = self.openapi
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return schema

    def samples(self, schema: Mapping[str, Any]) -> list[Any]:
        """Valid values, the n-th taking the n-th alternative of each union (as far as there are)."""
        found: list[Any] = []
        for choice in range(4):
            sample = self.sample(schema, choice, 0, None)
            if sample not in found:
                found.append(sample)
        return found

    def sample(self, schema: Mapping[str, Any], choice: int, depth: int, name: str | None) -> Any:
        schema = self.resolve(schema)
        if depth > 12:
            return None
        if "properties" in schema and ("oneOf" in schema or "anyOf" in schema):
            # An object whose union only says which of its fields to send (one_of_required).
            options = schema.get("oneOf") or schema["anyOf"]
            chosen = set(self.resolve(options[choice % len(options)]).get("required", ()))
            kept = chosen | set(schema.get("required", ()))
            properties = {key: sub for key, sub in schema["properties"].items() if key in kept}
            return {key: self.sample(sub, choice, depth + 1, key) for key, sub in properties.items()}
        for union in ("oneOf", "anyOf"):
            if union in schema:
                options = [o for o in schema[union] if self.resolve(o).get("type") != "null"]
                if not options:
                    return None
                return self.sample(options[choice % len(options)], choice, depth + 1, name)
        if "allOf" in schema:
            return self.sample(schema["allOf"][0], choice, depth + 1, name)
        if name in self.named and schema.get("type") not in ("object", "array"):
            return self.named[name]
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            properties = schema.get("properties", {})
            value = {key: self.sample(sub, choice, depth + 1, key) for key, sub in properties.items()}
            extra = schema.get("additionalProperties")
            if not properties and isinstance(extra, dict):
                names = self.resolve(schema.get("propertyNames", {}))
                key = self.sample(names, 0, depth, None) if {"enum", "const"} & names.keys() else "US"
                value = {key: self.sample(extra, choice, depth + 1, None)}
            return value
        if kind == "array":
            item = self.sample(schema.get("items", {}), choice, depth + 1, name)
            return [item] * max(1, schema.get("minItems", 1))
        if kind == "integer":
            return int(max(schema.get("minimum", 1), schema.get("exclusiveMinimum", 0) + 1))
        if kind == "number":
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
            return min(low + 0.5, schema.get("maximum", 1e9))
        if kind == "boolean":
            return True
        return self._string(schema)

    def _string(self, schema: Mapping[str, Any]) -> str:
        fmt = schema.get("format")
        if fmt == "uuid":
            return str(uuid.uuid4())
        if fmt == "date":
            return "2027-06-01"
        if fmt == "date-time":
            return _Time("2026-01-01T00:00:00Z")
        pattern = schema.get("pattern")
        if pattern:
            for candidate in _STRING_SAMPLES:
                if re.search(pattern, candidate):
                    return candidate
        return "s" * max(1, schema.get("minLength", 1)) if pattern is None else "sample"


def unbounded(openapi: Mapping[str, Any]) -> list[str]:
    """Where a request may carry a number without a minimum and maximum, a string without a
    maximum length, or a list or map without a maximum size (parameters and JSON bodies)."""
    resolver = _Resolver(openapi, {})
    found: list[str] = []
    for template, item in openapi.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            where = f"{method.upper()} {template}"
            for parameter in operation.get("parameters", []):
                parameter = resolver.resolve(parameter)
                place = f"{where} {parameter['in']}.{parameter['name']}"
                _unbounded(resolver, parameter.get("schema", {}), place, found, set())
            schema = _json_body_schema(resolver, operation)
            if schema is not None:
                _unbounded(resolver, schema, f"{where} body", found, set())
    return list(dict.fromkeys(found))


def _unbounded(resolver: _Resolver, schema: Mapping[str, Any], place: str, found: list[str], seen: set[str]) -> None:
    if "$ref" in schema:
        if schema["$ref"] in seen:
            return
        seen = seen | {schema["$ref"]}
        schema = resolver.resolve(schema)
    for union in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(union, []):
            _unbounded(resolver, option, place, found, seen)
    kind = schema.get("type")
    if kind in ("integer", "number"):
        has_minimum = "minimum" in schema or "exclusiveMinimum" in schema
        has_maximum = "maximum" in schema or "exclusiveMaximum" in schema
        if not (has_minimum and has_maximum):
            found.append(f"{place}: {kind} without a minimum and maximum")
    elif kind == "string" and not {"enum", "const"} & schema.keys() and schema.get("format") != "uuid":
        if "maxLength" not in schema and schema.get("format") not in ("date", "date-time", "binary"):
            found.append(f"{place}: string without maxLength")
    elif kind == "array":
        if "maxItems" not in schema:
            found.append(f"{place}: list without maxItems")
        _unbounded(resolver, schema.get("items", {}), f"{place}.0", found, seen)
    elif kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            _unbounded(resolver, sub, f"{place}.{name}", found, seen)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            if "maxProperties" not in schema:
                found.append(f"{place}: map without maxProperties")
            _unbounded(resolver, extra, f"{place}.*", found, seen)
