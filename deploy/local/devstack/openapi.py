"""The merged OpenAPI document the gateway serves at /openapi.json, built in-process: each
service's app and the gateway's own are created (not started: no database, broker or port) and
merged as the gateway merges what it fetches. `python -m devstack.openapi PATH` writes it."""

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from devstack.stack import SERVICES


def merged_document() -> dict[str, Any]:
    from gateway.adapters.openapi_merge import merge

    gateway = importlib.import_module("gateway.main").create_app()
    # Over the wire the gateway gets each document as JSON: the same round trip here.
    services = {
        name: json.loads(json.dumps(importlib.import_module(f"{name}.main").create_app().openapi()))
        for name in SERVICES
    }
    return merge(gateway.app.openapi(), services)


def dump(document: dict[str, Any]) -> str:
    """Stable text: the same document gives the same bytes (keys keep the code's order)."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python -m devstack.openapi PATH")
    Path(argv[0]).write_text(dump(merged_document()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
