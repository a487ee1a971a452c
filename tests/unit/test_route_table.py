"""The gateway's route table against the API it fronts: every operation of the merged OpenAPI
(the services' and the gateway's own, merged as the gateway serves /openapi.json) has exactly
one entry, and every entry an operation. A new route without an entry fails here."""

import importlib
from typing import Any

from devstack.openapi import merged_document
from gateway.adapters.openapi_merge import INTERNAL_PATHS
from gateway.domain.routing import OPERATIONS

SERVICES = ("discovery", "partnerships", "content", "metrics")
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def openapi_operations(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in doc["paths"].items()
        if path not in INTERNAL_PATHS
        for method in operations
        if method in HTTP_METHODS
    }


def test_the_route_table_lists_every_operation_of_the_api_and_no_other() -> None:
    documented = openapi_operations(merged_document())
    table = {(operation.method, operation.path) for operation in OPERATIONS}
    assert sorted(documented - table) == [], "operations without an entry in gateway/domain/routing.py"
    assert sorted(table - documented) == [], "entries of gateway/domain/routing.py without an operation"


def test_each_entry_names_the_service_that_documents_it() -> None:
    owners: dict[tuple[str, str], str] = {}
    for name in SERVICES:
        for operation in openapi_operations(importlib.import_module(f"{name}.main").create_app().openapi()):
            owners[operation] = name
    for operation in OPERATIONS:
        assert owners.get((operation.method, operation.path), "gateway") == operation.service, operation
