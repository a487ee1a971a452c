from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.collaboration_type import CollaborationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.commission_fee import CommissionFee
    from ..models.deliverable_terms import DeliverableTerms
    from ..models.exclusivity_terms import ExclusivityTerms
    from ..models.fixed_fee import FixedFee
    from ..models.gifting_fee import GiftingFee
    from ..models.milestone_terms import MilestoneTerms
    from ..models.per_deliverable_fee import PerDeliverableFee
    from ..models.usage_rights_terms import UsageRightsTerms


T = TypeVar("T", bound="TermsDocument")


@_attrs_define
class TermsDocument:
    """One version of the terms. Without a payment schedule a cash fee is paid in full on
    publication and a gift counts as delivered on signing; a commission has no schedule.

        Attributes:
            collaboration_type (CollaborationType):
            deliverables (list[DeliverableTerms]):
            fee (CommissionFee | FixedFee | GiftingFee | PerDeliverableFee):
            usage_rights (None | Unset | UsageRightsTerms):
            exclusivity (ExclusivityTerms | None | Unset):
            payment_schedule (list[MilestoneTerms] | Unset):
            notes (None | str | Unset):
    """

    collaboration_type: CollaborationType
    deliverables: list[DeliverableTerms]
    fee: CommissionFee | FixedFee | GiftingFee | PerDeliverableFee
    usage_rights: None | Unset | UsageRightsTerms = UNSET
    exclusivity: ExclusivityTerms | None | Unset = UNSET
    payment_schedule: list[MilestoneTerms] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.commission_fee import CommissionFee  # noqa: PLC0415
        from ..models.exclusivity_terms import ExclusivityTerms  # noqa: PLC0415
        from ..models.fixed_fee import FixedFee  # noqa: PLC0415
        from ..models.per_deliverable_fee import PerDeliverableFee  # noqa: PLC0415
        from ..models.usage_rights_terms import UsageRightsTerms  # noqa: PLC0415

        collaboration_type = self.collaboration_type.value

        deliverables = []
        for deliverables_item_data in self.deliverables:
            deliverables_item = deliverables_item_data.to_dict()
            deliverables.append(deliverables_item)

        fee: dict[str, Any]
        if isinstance(self.fee, FixedFee):
            fee = self.fee.to_dict()
        elif isinstance(self.fee, PerDeliverableFee):
            fee = self.fee.to_dict()
        elif isinstance(self.fee, CommissionFee):
            fee = self.fee.to_dict()
        else:
            fee = self.fee.to_dict()

        usage_rights: dict[str, Any] | None | Unset
        if isinstance(self.usage_rights, Unset):
            usage_rights = UNSET
        elif isinstance(self.usage_rights, UsageRightsTerms):
            usage_rights = self.usage_rights.to_dict()
        else:
            usage_rights = self.usage_rights

        exclusivity: dict[str, Any] | None | Unset
        if isinstance(self.exclusivity, Unset):
            exclusivity = UNSET
        elif isinstance(self.exclusivity, ExclusivityTerms):
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
        from ..models.commission_fee import CommissionFee  # noqa: PLC0415
        from ..models.deliverable_terms import DeliverableTerms  # noqa: PLC0415
        from ..models.exclusivity_terms import ExclusivityTerms  # noqa: PLC0415
        from ..models.fixed_fee import FixedFee  # noqa: PLC0415
        from ..models.gifting_fee import GiftingFee  # noqa: PLC0415
        from ..models.milestone_terms import MilestoneTerms  # noqa: PLC0415
        from ..models.per_deliverable_fee import PerDeliverableFee  # noqa: PLC0415
        from ..models.usage_rights_terms import UsageRightsTerms  # noqa: PLC0415

        d = dict(src_dict)
        collaboration_type = CollaborationType(d.pop("collaboration_type"))

        deliverables = []
        _deliverables = d.pop("deliverables")
        for deliverables_item_data in _deliverables:
            deliverables_item = DeliverableTerms.from_dict(deliverables_item_data)

            deliverables.append(deliverables_item)

        def _parse_fee(data: object) -> CommissionFee | FixedFee | GiftingFee | PerDeliverableFee:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_0 = FixedFee.from_dict(data)

                return fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_1 = PerDeliverableFee.from_dict(data)

                return fee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_2 = CommissionFee.from_dict(data)

                return fee_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            fee_type_3 = GiftingFee.from_dict(data)

            return fee_type_3

        fee = _parse_fee(d.pop("fee"))

        def _parse_usage_rights(data: object) -> None | Unset | UsageRightsTerms:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_rights_type_0 = UsageRightsTerms.from_dict(data)

                return usage_rights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UsageRightsTerms, data)

        usage_rights = _parse_usage_rights(d.pop("usage_rights", UNSET))

        def _parse_exclusivity(data: object) -> ExclusivityTerms | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclusivity_type_0 = ExclusivityTerms.from_dict(data)

                return exclusivity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExclusivityTerms | None | Unset, data)

        exclusivity = _parse_exclusivity(d.pop("exclusivity", UNSET))

        _payment_schedule = d.pop("payment_schedule", UNSET)
        payment_schedule: list[MilestoneTerms] | Unset = UNSET
        if _payment_schedule is not UNSET:
            payment_schedule = []
            for payment_schedule_item_data in _payment_schedule:
                payment_schedule_item = MilestoneTerms.from_dict(payment_schedule_item_data)

                payment_schedule.append(payment_schedule_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        terms_document = cls(
            collaboration_type=collaboration_type,
            deliverables=deliverables,
            fee=fee,
            usage_rights=usage_rights,
            exclusivity=exclusivity,
            payment_schedule=payment_schedule,
            notes=notes,
        )

        return terms_document
