from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.amplification_kind import AmplificationKind
from ..models.amplification_state import AmplificationState

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="AmplificationPublic")


@_attrs_define
class AmplificationPublic:
    """
    Attributes:
        id (UUID):
        deliverable_id (UUID):
        campaign_id (UUID):
        post_id (None | UUID):
        kind (AmplificationKind):
        platform (str):
        spend (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        starts_on (datetime.date):
        ends_on (datetime.date):
        state (AmplificationState):
        requested_at (datetime.datetime):
        requested_by (None | UUID):
        decided_at (datetime.datetime | None):
        refusal_reason (None | str):
    """

    id: UUID
    deliverable_id: UUID
    campaign_id: UUID
    post_id: None | UUID
    kind: AmplificationKind
    platform: str
    spend: Money
    starts_on: datetime.date
    ends_on: datetime.date
    state: AmplificationState
    requested_at: datetime.datetime
    requested_by: None | UUID
    decided_at: datetime.datetime | None
    refusal_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        deliverable_id = str(self.deliverable_id)

        campaign_id = str(self.campaign_id)

        post_id: None | str
        if isinstance(self.post_id, UUID):
            post_id = str(self.post_id)
        else:
            post_id = self.post_id

        kind = self.kind.value

        platform = self.platform

        spend = self.spend.to_dict()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        state = self.state.value

        requested_at = self.requested_at.isoformat()

        requested_by: None | str
        if isinstance(self.requested_by, UUID):
            requested_by = str(self.requested_by)
        else:
            requested_by = self.requested_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        refusal_reason: None | str
        refusal_reason = self.refusal_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deliverable_id": deliverable_id,
                "campaign_id": campaign_id,
                "post_id": post_id,
                "kind": kind,
                "platform": platform,
                "spend": spend,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "state": state,
                "requested_at": requested_at,
                "requested_by": requested_by,
                "decided_at": decided_at,
                "refusal_reason": refusal_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deliverable_id = UUID(d.pop("deliverable_id"))

        campaign_id = UUID(d.pop("campaign_id"))

        def _parse_post_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_id_type_0 = UUID(data)

                return post_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        post_id = _parse_post_id(d.pop("post_id"))

        kind = AmplificationKind(d.pop("kind"))

        platform = d.pop("platform")

        spend = Money.from_dict(d.pop("spend"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        state = AmplificationState(d.pop("state"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_requested_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_by_type_0 = UUID(data)

                return requested_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        requested_by = _parse_requested_by(d.pop("requested_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_refusal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refusal_reason = _parse_refusal_reason(d.pop("refusal_reason"))

        amplification_public = cls(
            id=id,
            deliverable_id=deliverable_id,
            campaign_id=campaign_id,
            post_id=post_id,
            kind=kind,
            platform=platform,
            spend=spend,
            starts_on=starts_on,
            ends_on=ends_on,
            state=state,
            requested_at=requested_at,
            requested_by=requested_by,
            decided_at=decided_at,
            refusal_reason=refusal_reason,
        )

        amplification_public.additional_properties = d
        return amplification_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
