from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_trigger import MilestoneTrigger

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PayoutPublic")


@_attrs_define
class PayoutPublic:
    """
    Attributes:
        id (UUID):
        milestone (MilestoneTrigger):
        amount (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        reason (str):
        trigger_event_id (None | UUID):
        paid_at (datetime.datetime):
    """

    id: UUID
    milestone: MilestoneTrigger
    amount: Money
    reason: str
    trigger_event_id: None | UUID
    paid_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        milestone = self.milestone.value

        amount = self.amount.to_dict()

        reason = self.reason

        trigger_event_id: None | str
        if isinstance(self.trigger_event_id, UUID):
            trigger_event_id = str(self.trigger_event_id)
        else:
            trigger_event_id = self.trigger_event_id

        paid_at = self.paid_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "milestone": milestone,
                "amount": amount,
                "reason": reason,
                "trigger_event_id": trigger_event_id,
                "paid_at": paid_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        milestone = MilestoneTrigger(d.pop("milestone"))

        amount = Money.from_dict(d.pop("amount"))

        reason = d.pop("reason")

        def _parse_trigger_event_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trigger_event_id_type_0 = UUID(data)

                return trigger_event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        trigger_event_id = _parse_trigger_event_id(d.pop("trigger_event_id"))

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        payout_public = cls(
            id=id,
            milestone=milestone,
            amount=amount,
            reason=reason,
            trigger_event_id=trigger_event_id,
            paid_at=paid_at,
        )

        payout_public.additional_properties = d
        return payout_public

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
