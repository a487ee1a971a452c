"""The table of profile facts (domain/facts.py) and what derives from it: the fingerprint stored
with every profile, the import's column matching, the columns of the migrated tables, the API."""

from collections.abc import AsyncIterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.databases import DatabaseFactory
from discovery.adapters.tables import metadata
from discovery.domain.column_mapping import resolve_mapping
from discovery.domain.facts import FACTS, NUMBERS, SNAPSHOT_FACTS, ProfileFacts, Snapshot, fingerprint
from discovery.domain.profiles import Platform
from servicekit.db import Database
from servicekit.testing import migrate, schema_drift

from .conftest import Org, discovery_service, every_fact


def test_the_fingerprint_of_stored_profiles_does_not_change() -> None:
    # Stored with each profile (content_hash): an import compares a row's facts with it, so the same
    # facts must always give the same fingerprint, or a re-import would rewrite every profile.
    assert fingerprint(every_fact()) == "95287ff68170003775124e4f492dc92e225b938f"
    assert fingerprint(ProfileFacts(Platform.INSTAGRAM, "plain", 10)) == "163f0e67ff32caff4622ca0d62c9efaa56c6cdf4"


def test_every_fact_is_matched_by_its_own_name_in_an_export() -> None:
    names = [fact.called for fact in FACTS]
    assert resolve_mapping(names, {}, platform_given=False).fields == {name: name for name in names}


def test_a_snapshot_keeps_the_counts_whose_growth_is_read() -> None:
    assert [spec.name for spec in fields(Snapshot)] == ["taken_at", *SNAPSHOT_FACTS, "engagement_rate"]
    assert {"followers", "following", "posts"} <= set(SNAPSHOT_FACTS) <= {f.name for f in NUMBERS}


async def test_the_migrations_make_a_column_for_every_number(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'facts.db'}")
    try:
        await migrate(database, "discovery:migrations", "head")
        differences = await schema_drift(database, metadata)
        assert [d for d in differences if "column" in (d[0] if isinstance(d, tuple) else d[0][0])] == []
    finally:
        await database.dispose()


@pytest.fixture(scope="module")
async def service(
    databases: DatabaseFactory, messaging_settings: dict[str, object]
) -> AsyncIterator[httpx.AsyncClient]:
    async with discovery_service(databases, messaging_settings, "discovery_facts") as client:
        yield client


def _api_body(facts: ProfileFacts) -> dict[str, Any]:
    card = facts.rate_card
    assert card is not None
    body: dict[str, Any] = {fact.called: getattr(facts, fact.name) for fact in FACTS}
    body.update(
        platform=facts.platform.value,
        categories=list(facts.categories),
        past_sponsors=list(facts.past_sponsors),
        audience=facts.audience.as_dict(),
        rate_card={d: {"amount_minor": amount, "currency": card.currency} for d, amount in card.prices.items()},
        contact=facts.contact.as_dict(),
        last_refreshed_at=facts.last_refreshed_at.isoformat() if facts.last_refreshed_at else None,
    )
    return body


async def test_every_number_goes_through_the_api_and_back(service: httpx.AsyncClient, internal_secret: str) -> None:
    org = Org(internal_secret)
    facts = every_fact()
    created = await service.post("/api/v1/influencers", json=_api_body(facts), headers=org.headers)
    assert created.status_code == 201, created.text
    shown = created.json()
    for fact in NUMBERS:
        if fact.called != "engagement_rate":  # shown as the figure, reported (as here) or computed
            assert shown[fact.called] == getattr(facts, fact.name), fact.name
    assert (shown["engagement_rate"], shown["engagement_rate_source"]) == (facts.reported_engagement_rate, "reported")
    snapshots = (await service.get(f"/api/v1/influencers/{shown['id']}/snapshots", headers=org.headers)).json()
    assert {name: snapshots["items"][0][name] for name in SNAPSHOT_FACTS} == {
        name: getattr(facts, name) for name in SNAPSHOT_FACTS
    }
