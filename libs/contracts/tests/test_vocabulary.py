"""One definition per concept the services share: the events carry the contracts' enums, so a
service that reads `data.objective` gets the same `Objective` its own domain uses."""

import uuid
from enum import StrEnum
from typing import Any, get_args

import pytest
from pydantic import ValidationError

from contracts import (
    REGISTRY,
    AmplificationKind,
    CampaignState,
    CollaborationType,
    FeeKind,
    MilestoneTrigger,
    Objective,
    Party,
)
from contracts.events.partnerships import CampaignCreated, CampaignUpdated

VOCABULARY: dict[type[StrEnum], list[str]] = {
    CampaignState: ["draft", "active", "completed", "cancelled"],
    Objective: ["awareness", "engagement", "conversions"],
    CollaborationType: ["sponsored_post", "product_review", "giveaway", "ambassadorship", "affiliate"],
    FeeKind: ["fixed", "per_deliverable", "commission", "gifting"],
    MilestoneTrigger: ["on_signing", "on_approval", "on_publish"],
    Party: ["brand", "creator", "system"],
    AmplificationKind: ["paid_boost", "brand_repost"],
}

# Event fields that name one of these concepts, whatever model they are on.
FIELD_CONCEPTS: dict[str, type[StrEnum]] = {
    "objective": Objective,
    "collaboration_type": CollaborationType,
    "fee_kind": FeeKind,
    "trigger": MilestoneTrigger,
    "milestone": MilestoneTrigger,
    "actor": Party,
    "kind": AmplificationKind,
}


@pytest.mark.parametrize("concept", list(VOCABULARY), ids=lambda c: c.__name__)
def test_each_concept_says_what_the_wire_has_always_said(concept: type[StrEnum]) -> None:
    assert [member.value for member in concept] == VOCABULARY[concept]


def _enums_in(annotation: Any) -> set[type]:
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return {annotation}
    return {found for argument in get_args(annotation) for found in _enums_in(argument)}


def _fields(model: Any) -> list[tuple[str, Any]]:
    """The model's fields and those of the models nested in it (money, milestones...)."""
    found = []
    for name, info in model.model_fields.items():
        found.append((name, info.annotation))
        for argument in (info.annotation, *get_args(info.annotation)):
            for inner in (argument, *get_args(argument)):
                if isinstance(inner, type) and hasattr(inner, "model_fields"):
                    found.extend(_fields(inner))
    return found


def test_every_event_field_of_a_shared_concept_carries_its_enum() -> None:
    checked = 0
    for model in REGISTRY.models():
        for name, annotation in _fields(model):
            concept = FIELD_CONCEPTS.get(name)
            if concept is not None:
                assert _enums_in(annotation) == {concept}, f"{model.__name__}.{name}"
                checked += 1
    assert checked >= 10  # the partnership events carry most of them


def test_the_campaign_state_of_an_update_is_the_shared_one() -> None:
    updated = CampaignUpdated(campaign_id=uuid.uuid4(), name="Spring", objective="awareness", state="active")

    assert updated.state is CampaignState.ACTIVE
    assert updated.objective is Objective.AWARENESS
    assert updated.model_dump(mode="json")["state"] == "active"


def test_a_value_outside_the_vocabulary_is_refused_by_field() -> None:
    with pytest.raises(ValidationError) as refused:
        CampaignCreated(campaign_id=uuid.uuid4(), name="Spring", objective="fame")  # type: ignore[arg-type]
    assert [error["loc"] for error in refused.value.errors()] == [("objective",)]
