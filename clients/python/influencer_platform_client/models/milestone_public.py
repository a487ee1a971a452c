from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_public_status import MilestonePublicStatus
from ..models.milestone_trigger import MilestoneTrigger

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="MilestonePublic")


@_attrs_define
class MilestonePublic:
    """
    Attributes:
        trigger (MilestoneTrigger):
        percent (int):
        amount (Money): An amount in integer minor units (cents) of an ISO 4217 currency; never a float.
        status (MilestonePublicStatus):
        payment_id (None | UUID):
        paid_at (datetime.datetime | None):
    """

    trigger: MilestoneTrigger
    percent: int
    amount: Money
    status: MilestonePublicStatus
    payment_id: None | UUID
    paid_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trigger = self.trigger.value

        percent = self.percent

        amount = self.amount.to_dict()

        status = self.status.value

        payment_id: None | str
        if isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trigger": trigger,
                "percent": percent,
                "amount": amount,
                "status": status,
                "payment_id": payment_id,
                "paid_at": paid_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        trigger = MilestoneTrigger(d.pop("trigger"))

        percent = d.pop("percent")

        amount = Money.from_dict(d.pop("amount"))

        status = MilestonePublicStatus(d.pop("status"))

        def _parse_payment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)

                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        payment_id = _parse_payment_id(d.pop("payment_id"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        milestone_public = cls(
            trigger=trigger,
            percent=percent,
            amount=amount,
            status=status,
            payment_id=payment_id,
            paid_at=paid_at,
        )

        milestone_public.additional_properties = d
        return milestone_public

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
