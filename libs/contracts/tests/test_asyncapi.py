from pathlib import Path

from contracts import REGISTRY
from contracts.asyncapi import build_document, render

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "asyncapi.json"


def test_document_is_asyncapi_3_with_every_topic_and_event() -> None:
    doc = build_document()

    assert doc["asyncapi"] == "3.0.0"
    addresses = {channel["address"] for channel in doc["channels"].values()}
    for service in ("discovery", "partnerships", "content", "metrics"):
        assert f"{service}.events" in addresses
        assert f"{service}.dlq" in addresses
    titles = {message["name"] for message in doc["components"]["messages"].values()}
    assert titles == {m.event_type for m in REGISTRY.models()}


def test_every_reference_resolves() -> None:
    doc = build_document()

    def refs(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if "$ref" in node else []
            return found + [r for value in node.values() for r in refs(value)]
        if isinstance(node, list):
            return [r for value in node for r in refs(value)]
        return []

    for ref in refs(doc):
        target: object = doc
        for part in ref.removeprefix("#/").split("/"):
            assert isinstance(target, dict), f"dangling {ref}"
            assert part in target, f"dangling {ref}"
            target = target[part]


def test_operations_send_on_their_service_channel() -> None:
    doc = build_document()
    op = doc["operations"]["publishPartnershipsEvents"]
    assert op["action"] == "send"
    assert op["channel"]["$ref"] == "#/channels/partnershipsEvents"
    assert len(op["messages"]) == len(doc["channels"]["partnershipsEvents"]["messages"])


def test_committed_document_is_current() -> None:
    assert COMMITTED.read_bytes() == render(), "run `make asyncapi` and commit docs/asyncapi.json"
