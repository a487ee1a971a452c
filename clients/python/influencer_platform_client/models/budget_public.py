from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="BudgetPublic")


@_attrs_define
class BudgetPublic:
    """budget = reserved + committed + paid + remaining; null figures: the campaign has no budget.

    Attributes:
        campaign_id (UUID):
        currency (None | str):
        budget (Money | None):
        reserved (Money | None): Held by open offers (proposed, countered, accepted)
        committed (Money | None): Owed under signed contracts, not paid yet
        paid (Money | None):
        remaining (Money | None):
        reconciled (bool): The double-entry ledger's balances agree with these figures
        amplification (Money | None | Unset): Committed to content's paid boosts and brand reposts (part of committed)
    """

    campaign_id: UUID
    currency: None | str
    budget: Money | None
    reserved: Money | None
    committed: Money | None
    paid: Money | None
    remaining: Money | None
    reconciled: bool
    amplification: Money | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        campaign_id = str(self.campaign_id)

        currency: None | str
        currency = self.currency

        budget: dict[str, Any] | None
        if isinstance(self.budget, Money):
            budget = self.budget.to_dict()
        else:
            budget = self.budget

        reserved: dict[str, Any] | None
        if isinstance(self.reserved, Money):
            reserved = self.reserved.to_dict()
        else:
            reserved = self.reserved

        committed: dict[str, Any] | None
        if isinstance(self.committed, Money):
            committed = self.committed.to_dict()
        else:
            committed = self.committed

        paid: dict[str, Any] | None
        if isinstance(self.paid, Money):
            paid = self.paid.to_dict()
        else:
            paid = self.paid

        remaining: dict[str, Any] | None
        if isinstance(self.remaining, Money):
            remaining = self.remaining.to_dict()
        else:
            remaining = self.remaining

        reconciled = self.reconciled

        amplification: dict[str, Any] | None | Unset
        if isinstance(self.amplification, Unset):
            amplification = UNSET
        elif isinstance(self.amplification, Money):
            amplification = self.amplification.to_dict()
        else:
            amplification = self.amplification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "currency": currency,
                "budget": budget,
                "reserved": reserved,
                "committed": committed,
                "paid": paid,
                "remaining": remaining,
                "reconciled": reconciled,
            }
        )
        if amplification is not UNSET:
            field_dict["amplification"] = amplification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        def _parse_budget(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                budget_type_0 = Money.from_dict(data)

                return budget_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        budget = _parse_budget(d.pop("budget"))

        def _parse_reserved(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reserved_type_0 = Money.from_dict(data)

                return reserved_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        reserved = _parse_reserved(d.pop("reserved"))

        def _parse_committed(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                committed_type_0 = Money.from_dict(data)

                return committed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        committed = _parse_committed(d.pop("committed"))

        def _parse_paid(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paid_type_0 = Money.from_dict(data)

                return paid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        paid = _parse_paid(d.pop("paid"))

        def _parse_remaining(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remaining_type_0 = Money.from_dict(data)

                return remaining_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        remaining = _parse_remaining(d.pop("remaining"))

        reconciled = d.pop("reconciled")

        def _parse_amplification(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amplification_type_0 = Money.from_dict(data)

                return amplification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        amplification = _parse_amplification(d.pop("amplification", UNSET))

        budget_public = cls(
            campaign_id=campaign_id,
            currency=currency,
            budget=budget,
            reserved=reserved,
            committed=committed,
            paid=paid,
            remaining=remaining,
            reconciled=reconciled,
            amplification=amplification,
        )

        budget_public.additional_properties = d
        return budget_public

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
