"""The merged OpenAPI as a client generator reads it (clients/python is generated from it): every
schema under the name its code gives it, so each generated type is named as in the code and none is
dropped as a duplicate, and every operation under a unique operationId."""

import importlib
import json
from typing import Any

from devstack.openapi import merged_document
from devstack.stack import SERVICES
from gateway.adapters.openapi_merge import merge
from gateway.domain.idempotency import KEY_PATTERN


def _component_names(doc: dict[str, Any]) -> dict[str, str]:
    return {name: json.dumps(schema, sort_keys=True) for name, schema in doc["components"]["schemas"].items()}


def test_no_two_parts_of_the_api_give_one_schema_name_to_different_schemas() -> None:
    """The gateway renames such a schema `<service>_<Name>`, whose title stays `<Name>`: a generator
    then makes two types of one name (openapi-python-client drops the second and every operation
    that uses it)."""
    parts = {"gateway": importlib.import_module("gateway.main").create_app().app.openapi()}
    parts |= {name: importlib.import_module(f"{name}.main").create_app().openapi() for name in SERVICES}
    owners: dict[str, dict[str, str]] = {}
    for part, doc in parts.items():
        for name, text in _component_names(doc).items():
            owners.setdefault(name, {})[part] = text
    clashes = sorted(f"{name}: {', '.join(by)}" for name, by in owners.items() if len(set(by.values())) > 1)
    assert clashes == []


def test_every_operation_has_a_unique_operation_id() -> None:
    ids = [
        operation.get("operationId")
        for path in merged_document()["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict)
    ]
    assert None not in ids
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_a_schema_that_refers_to_a_renamed_one_is_renamed_too() -> None:
    """Two services' `Page_Item_` read alike while their `Item`s differ: the second's page must not
    point at the first's item."""
    item = {"type": "object", "properties": {"a": {"type": "string"}}, "title": "Item"}
    other_item = {"type": "object", "properties": {"b": {"type": "integer"}}, "title": "Item"}
    page = {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}},
    }

    def service(schema: dict[str, Any], path: str) -> dict[str, Any]:
        response = {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page_Item_"}}}}}
        return {
            "paths": {path: {"get": {"operationId": path.strip("/"), "responses": response}}},
            "components": {"schemas": {"Item": schema, "Page_Item_": page}},
        }

    merged = merge({"paths": {}}, {"one": service(item, "/one"), "two": service(other_item, "/two")})
    schemas = merged["components"]["schemas"]
    ref = merged["paths"]["/two"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page_of_two = schemas[ref.rsplit("/", 1)[1]]
    assert schemas[page_of_two["properties"]["items"]["items"]["$ref"].rsplit("/", 1)[1]] == other_item


def test_every_answer_with_a_body_documents_it() -> None:
    """A 2xx described without content is read by a generated client as nothing (`None`), though
    the API sends a body: a shop's first conversions (201) would come back empty-handed."""
    bodiless = [
        f"{method.upper()} {path} {status}"
        for path, operations in merged_document()["paths"].items()
        for method, operation in operations.items()
        for status, response in operation.get("responses", {}).items()
        if status.startswith("2") and status != "204" and not response.get("content")
    ]
    assert bodiless == []


def test_no_schema_is_named_by_the_framework_for_want_of_a_name() -> None:
    """FastAPI names a form's fields `Body_<operation>`: a generated client's `BodyIssueToken`."""
    unnamed = [name for name in merged_document()["components"]["schemas"] if name.startswith("Body_")]
    assert unnamed == []


def test_every_post_documents_the_idempotency_key_it_honours() -> None:
    """The gateway honours an Idempotency-Key on every POST: a generated client gets it as a typed,
    optional argument, with its rules (scope, lifetime, conflicts, length)."""
    posts = [(path, item["post"]) for path, item in merged_document()["paths"].items() if "post" in item]
    assert len(posts) > 40
    for path, operation in posts:
        keys = [p for p in operation.get("parameters", []) if p["in"] == "header" and p["name"] == "Idempotency-Key"]
        assert len(keys) == 1, path
        (key,) = keys
        assert key["required"] is False
        assert key["schema"] == {"type": "string", "minLength": 1, "maxLength": 255, "pattern": KEY_PATTERN}
        for words in ("24 hours", "409", "caller", "Idempotent-Replayed"):
            assert words in key["description"], (path, words)
