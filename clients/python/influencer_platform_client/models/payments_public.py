from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partnership_state import PartnershipState

if TYPE_CHECKING:
    from ..models.allocated import Allocated
    from ..models.milestone_public import MilestonePublic
    from ..models.money import Money
    from ..models.payout_public import PayoutPublic


T = TypeVar("T", bound="PaymentsPublic")


@_attrs_define
class PaymentsPublic:
    """
    Attributes:
        partnership_id (UUID):
        state (PartnershipState):
        fee (Money | None):
        allocated (Allocated | None):
        outstanding (Money | None): Committed and not paid yet
        milestones (list[MilestonePublic]):
        payouts (list[PayoutPublic]):
    """

    partnership_id: UUID
    state: PartnershipState
    fee: Money | None
    allocated: Allocated | None
    outstanding: Money | None
    milestones: list[MilestonePublic]
    payouts: list[PayoutPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.allocated import Allocated  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        partnership_id = str(self.partnership_id)

        state = self.state.value

        fee: dict[str, Any] | None
        if isinstance(self.fee, Money):
            fee = self.fee.to_dict()
        else:
            fee = self.fee

        allocated: dict[str, Any] | None
        if isinstance(self.allocated, Allocated):
            allocated = self.allocated.to_dict()
        else:
            allocated = self.allocated

        outstanding: dict[str, Any] | None
        if isinstance(self.outstanding, Money):
            outstanding = self.outstanding.to_dict()
        else:
            outstanding = self.outstanding

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        payouts = []
        for payouts_item_data in self.payouts:
            payouts_item = payouts_item_data.to_dict()
            payouts.append(payouts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partnership_id": partnership_id,
                "state": state,
                "fee": fee,
                "allocated": allocated,
                "outstanding": outstanding,
                "milestones": milestones,
                "payouts": payouts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocated import Allocated  # noqa: PLC0415
        from ..models.milestone_public import MilestonePublic  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.payout_public import PayoutPublic  # noqa: PLC0415

        d = dict(src_dict)
        partnership_id = UUID(d.pop("partnership_id"))

        state = PartnershipState(d.pop("state"))

        def _parse_fee(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_0 = Money.from_dict(data)

                return fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        fee = _parse_fee(d.pop("fee"))

        def _parse_allocated(data: object) -> Allocated | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                allocated_type_0 = Allocated.from_dict(data)

                return allocated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Allocated | None, data)

        allocated = _parse_allocated(d.pop("allocated"))

        def _parse_outstanding(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outstanding_type_0 = Money.from_dict(data)

                return outstanding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        outstanding = _parse_outstanding(d.pop("outstanding"))

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = MilestonePublic.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        payouts = []
        _payouts = d.pop("payouts")
        for payouts_item_data in _payouts:
            payouts_item = PayoutPublic.from_dict(payouts_item_data)

            payouts.append(payouts_item)

        payments_public = cls(
            partnership_id=partnership_id,
            state=state,
            fee=fee,
            allocated=allocated,
            outstanding=outstanding,
            milestones=milestones,
            payouts=payouts,
        )

        payments_public.additional_properties = d
        return payments_public

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
