import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from contracts import REGISTRY, Envelope, UnknownEventType, decode, encode, new_event
from contracts.events.discovery import InfluencerProfile, InfluencerProfilesChanged
from contracts.events.partnerships import CampaignCreated


def campaign_created() -> CampaignCreated:
    return CampaignCreated(campaign_id=uuid.uuid4(), name="Spring", objective="awareness")


def test_envelope_round_trips_through_the_wire_format() -> None:
    data = campaign_created()
    envelope = new_event(data, source="partnerships", tenant_id=uuid.uuid4(), subject=data.campaign_id)

    decoded = decode(encode(envelope))

    assert decoded == envelope
    assert REGISTRY.parse(decoded) == data
    assert decoded.type == "campaign.created"
    assert decoded.version == 1
    assert decoded.time.tzinfo is not None


def test_unknown_type_is_refused_by_name() -> None:
    envelope = new_event(campaign_created(), source="partnerships", tenant_id=None, subject="x")
    forged = envelope.model_copy(update={"type": "campaign.exploded"})

    with pytest.raises(UnknownEventType, match=r"unknown event type 'campaign\.exploded'"):
        REGISTRY.parse(forged)


def test_unknown_version_lists_the_known_ones() -> None:
    envelope = new_event(campaign_created(), source="partnerships", tenant_id=None, subject="x")
    future = envelope.model_copy(update={"version": 7})

    with pytest.raises(UnknownEventType, match=r"has no version 7; known versions: \[1\]"):
        REGISTRY.parse(future)


def test_data_that_breaks_its_schema_is_refused() -> None:
    envelope = new_event(campaign_created(), source="partnerships", tenant_id=None, subject="x")
    broken = envelope.model_copy(update={"data": {**envelope.data, "objective": "world domination"}})

    with pytest.raises(ValidationError, match="objective"):
        REGISTRY.parse(broken)


def test_malformed_bytes_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="not JSON"):
        decode(b"\x00not json")
    with pytest.raises(ValueError, match="validation error"):
        decode(b'{"id": "not-a-uuid"}')


def test_every_event_named_by_the_architecture_is_registered() -> None:
    names = {m.event_type for m in REGISTRY.models()}
    expected = {
        "shortlist.added",
        "shortlist.removed",
        "campaign.created",
        "campaign.launched",
        "campaign.completed",
        "campaign.cancelled",
        "partnership.proposed",
        "partnership.countered",
        "partnership.accepted",
        "partnership.signed",
        "partnership.completed",
        "content.submitted",
        "content.approved",
        "content.published",
        "content.amplified",
        "metrics.performance.updated",
    }
    assert expected <= names


def test_envelope_requires_every_field() -> None:
    with pytest.raises(ValidationError) as info:
        Envelope.model_validate({"type": "campaign.created"})
    missing = {e["loc"][0] for e in info.value.errors()}
    assert {"id", "version", "source", "time", "tenant_id", "subject", "data"} <= missing


def test_a_full_profiles_event_fits_a_kafka_message_with_room_to_spare() -> None:
    profile = InfluencerProfile(
        influencer_id=uuid.uuid4(),
        org_id=uuid.uuid4(),
        platform="instagram",
        handle="h" * 100,  # discovery's longest handle and name
        display_name="é" * 200,
        updated_at=datetime.now(UTC),
    )
    data = InfluencerProfilesChanged(profiles=[profile] * InfluencerProfilesChanged.MAX_PROFILES)
    wire = encode(new_event(data, source="discovery", tenant_id=None, subject=uuid.UUID(int=0)))
    assert len(wire) < 1_048_576 // 2
    with pytest.raises(ValidationError):
        InfluencerProfilesChanged(profiles=[profile] * (InfluencerProfilesChanged.MAX_PROFILES + 1))
