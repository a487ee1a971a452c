from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collaboration_type import CollaborationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.commission_fee_public import CommissionFeePublic
    from ..models.deliverable_terms_public import DeliverableTermsPublic
    from ..models.exclusivity_public import ExclusivityPublic
    from ..models.fixed_fee_public import FixedFeePublic
    from ..models.gifting_fee_public import GiftingFeePublic
    from ..models.per_deliverable_fee_public import PerDeliverableFeePublic
    from ..models.scheduled_payment_public import ScheduledPaymentPublic
    from ..models.usage_rights_public import UsageRightsPublic


T = TypeVar("T", bound="TermsPublic")


@_attrs_define
class TermsPublic:
    """One version of the terms as it was agreed or offered.

    Attributes:
        collaboration_type (CollaborationType):
        deliverables (list[DeliverableTermsPublic]):
        fee (CommissionFeePublic | FixedFeePublic | GiftingFeePublic | PerDeliverableFeePublic):
        usage_rights (None | Unset | UsageRightsPublic):
        exclusivity (ExclusivityPublic | None | Unset):
        payment_schedule (list[ScheduledPaymentPublic] | Unset):
        notes (None | str | Unset):
    """

    collaboration_type: CollaborationType
    deliverables: list[DeliverableTermsPublic]
    fee: CommissionFeePublic | FixedFeePublic | GiftingFeePublic | PerDeliverableFeePublic
    usage_rights: None | Unset | UsageRightsPublic = UNSET
    exclusivity: ExclusivityPublic | None | Unset = UNSET
    payment_schedule: list[ScheduledPaymentPublic] | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.commission_fee_public import CommissionFeePublic  # noqa: PLC0415
        from ..models.exclusivity_public import ExclusivityPublic  # noqa: PLC0415
        from ..models.fixed_fee_public import FixedFeePublic  # noqa: PLC0415
        from ..models.per_deliverable_fee_public import PerDeliverableFeePublic  # noqa: PLC0415
        from ..models.usage_rights_public import UsageRightsPublic  # noqa: PLC0415

        collaboration_type = self.collaboration_type.value

        deliverables = []
        for deliverables_item_data in self.deliverables:
            deliverables_item = deliverables_item_data.to_dict()
            deliverables.append(deliverables_item)

        fee: dict[str, Any]
        if isinstance(self.fee, FixedFeePublic):
            fee = self.fee.to_dict()
        elif isinstance(self.fee, PerDeliverableFeePublic):
            fee = self.fee.to_dict()
        elif isinstance(self.fee, CommissionFeePublic):
            fee = self.fee.to_dict()
        else:
            fee = self.fee.to_dict()

        usage_rights: dict[str, Any] | None | Unset
        if isinstance(self.usage_rights, Unset):
            usage_rights = UNSET
        elif isinstance(self.usage_rights, UsageRightsPublic):
            usage_rights = self.usage_rights.to_dict()
        else:
            usage_rights = self.usage_rights

        exclusivity: dict[str, Any] | None | Unset
        if isinstance(self.exclusivity, Unset):
            exclusivity = UNSET
        elif isinstance(self.exclusivity, ExclusivityPublic):
            exclusivity = self.exclusivity.to_dict()
        else:
            exclusivity = self.exclusivity

        payment_schedule: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payment_schedule, Unset):
            payment_schedule = []
            for payment_schedule_item_data in self.payment_schedule:
                payment_schedule_item = payment_schedule_item_data.to_dict()
                payment_schedule.append(payment_schedule_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collaboration_type": collaboration_type,
                "deliverables": deliverables,
                "fee": fee,
            }
        )
        if usage_rights is not UNSET:
            field_dict["usage_rights"] = usage_rights
        if exclusivity is not UNSET:
            field_dict["exclusivity"] = exclusivity
        if payment_schedule is not UNSET:
            field_dict["payment_schedule"] = payment_schedule
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commission_fee_public import CommissionFeePublic  # noqa: PLC0415
        from ..models.deliverable_terms_public import DeliverableTermsPublic  # noqa: PLC0415
        from ..models.exclusivity_public import ExclusivityPublic  # noqa: PLC0415
        from ..models.fixed_fee_public import FixedFeePublic  # noqa: PLC0415
        from ..models.gifting_fee_public import GiftingFeePublic  # noqa: PLC0415
        from ..models.per_deliverable_fee_public import PerDeliverableFeePublic  # noqa: PLC0415
        from ..models.scheduled_payment_public import ScheduledPaymentPublic  # noqa: PLC0415
        from ..models.usage_rights_public import UsageRightsPublic  # noqa: PLC0415

        d = dict(src_dict)
        collaboration_type = CollaborationType(d.pop("collaboration_type"))

        deliverables = []
        _deliverables = d.pop("deliverables")
        for deliverables_item_data in _deliverables:
            deliverables_item = DeliverableTermsPublic.from_dict(deliverables_item_data)

            deliverables.append(deliverables_item)

        def _parse_fee(
            data: object,
        ) -> CommissionFeePublic | FixedFeePublic | GiftingFeePublic | PerDeliverableFeePublic:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_0 = FixedFeePublic.from_dict(data)

                return fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_1 = PerDeliverableFeePublic.from_dict(data)

                return fee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_2 = CommissionFeePublic.from_dict(data)

                return fee_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            fee_type_3 = GiftingFeePublic.from_dict(data)

            return fee_type_3

        fee = _parse_fee(d.pop("fee"))

        def _parse_usage_rights(data: object) -> None | Unset | UsageRightsPublic:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_rights_type_0 = UsageRightsPublic.from_dict(data)

                return usage_rights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UsageRightsPublic, data)

        usage_rights = _parse_usage_rights(d.pop("usage_rights", UNSET))

        def _parse_exclusivity(data: object) -> ExclusivityPublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclusivity_type_0 = ExclusivityPublic.from_dict(data)

                return exclusivity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExclusivityPublic | None | Unset, data)

        exclusivity = _parse_exclusivity(d.pop("exclusivity", UNSET))

        _payment_schedule = d.pop("payment_schedule", UNSET)
        payment_schedule: list[ScheduledPaymentPublic] | Unset = UNSET
        if _payment_schedule is not UNSET:
            payment_schedule = []
            for payment_schedule_item_data in _payment_schedule:
                payment_schedule_item = ScheduledPaymentPublic.from_dict(payment_schedule_item_data)

                payment_schedule.append(payment_schedule_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        terms_public = cls(
            collaboration_type=collaboration_type,
            deliverables=deliverables,
            fee=fee,
            usage_rights=usage_rights,
            exclusivity=exclusivity,
            payment_schedule=payment_schedule,
            notes=notes,
        )

        terms_public.additional_properties = d
        return terms_public

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
