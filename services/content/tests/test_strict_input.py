"""Strict input at content's edge: every body a RequestModel, every number, string and list with a
documented limit, and no value a client sends (in every parameter and body field of the OpenAPI:
overflows, NaN, NUL, huge strings and lists, wrong types) answered with a 5xx."""

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.bad_input import Probe, misanswered, probes, unbounded
from devstack.databases import DatabaseFactory
from servicekit.app import lax_request_bodies

from . import media_samples as samples
from .conftest import Deal, content_service, deliverables_of, sign


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with content_service(
        databases, messaging_settings, "content_bad_input", tmp_path_factory.mktemp("bad_input")
    ) as client:
        yield client


async def test_every_request_body_is_a_request_model(service: httpx.AsyncClient) -> None:
    assert lax_request_bodies(service.app) == []  # type: ignore[attr-defined]


async def test_every_number_string_and_list_a_request_takes_has_a_documented_limit(
    service: httpx.AsyncClient,
) -> None:
    assert unbounded(service.app.openapi()) == []  # type: ignore[attr-defined]


def _last(probe: Probe) -> bool:
    return probe.path.endswith(("/approve", "/request-changes", "/publish", "/schedule"))


async def test_no_bad_value_anywhere_is_a_server_error(service: httpx.AsyncClient, internal_secret: str) -> None:
    deal = Deal(internal_secret)
    await sign(service, deal)
    (deliverable,) = await deliverables_of(service, deal)
    brief = await service.put(f"/api/v1/campaigns/{deal.campaign_id}/brief", json={}, headers=deal.brand())
    media = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/media",
        content=samples.png(),
        headers={**deal.creator(), "content-type": "image/png"},
    )
    version = await service.post(
        f"/api/v1/deliverables/{deliverable['id']}/submissions",
        json={"caption": "#ad hi", "platform": "instagram", "format": "post"},
        headers=deal.creator(),
    )
    ids = {
        "campaign_id": str(deal.campaign_id),
        "partnership_id": str(deal.partnership_id),
        "deliverable_id": deliverable["id"],
        "brief_id": brief.json()["id"],
        "media_id": media.json()["id"],
        "submission_id": version.json()["id"],
        "amplification_id": deliverable["id"],
        "asset_id": deliverable["id"],
    }
    app = service.app  # type: ignore[attr-defined]
    raw = {("post", "/api/v1/deliverables/{deliverable_id}/media"): (samples.png(), "image/png")}
    every = sorted(probes(app.openapi(), ids, raw_bodies=raw, named_samples={"platform": "instagram"}), key=_last)
    failures = []
    for probe in every:
        creator = probe.method != "GET" and ("/submissions" in probe.path and "deliverables" in probe.path)
        headers = deal.creator() if creator or probe.path.endswith("/media") else deal.brand()
        if probe.content_type:
            headers = {**headers, "content-type": probe.content_type}
        try:
            response = await service.request(
                probe.method, probe.path, params=probe.params, content=probe.content, headers=headers
            )
        except Exception as exc:
            failures.append(f"{probe.what}: {type(exc).__name__} {str(exc)[:160]}")
            continue
        if (wrong := misanswered(probe, response)) is not None:
            failures.append(wrong)
        if response.status_code >= 500:
            failures.append(f"{probe.what}: {response.status_code} {response.text[:160]}")
        elif response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", probe.what
    assert len(every) > 300
    assert not failures, f"{len(failures)} of {len(every)} probes:\n" + "\n".join(failures)
