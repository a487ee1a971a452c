from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.emv_values_in_currency import EmvValuesInCurrency

if TYPE_CHECKING:
    from ..models.emv_values_in_per_mille_minor import EmvValuesInPerMilleMinor


T = TypeVar("T", bound="EmvValuesIn")


@_attrs_define
class EmvValuesIn:
    """
    Attributes:
        currency (EmvValuesInCurrency): An active ISO 4217 code
        per_mille_minor (EmvValuesInPerMilleMinor): Value of a thousand actions, in minor units of `currency`
    """

    currency: EmvValuesInCurrency
    per_mille_minor: EmvValuesInPerMilleMinor

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency.value

        per_mille_minor = self.per_mille_minor.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "per_mille_minor": per_mille_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.emv_values_in_per_mille_minor import EmvValuesInPerMilleMinor  # noqa: PLC0415

        d = dict(src_dict)
        currency = EmvValuesInCurrency(d.pop("currency"))

        per_mille_minor = EmvValuesInPerMilleMinor.from_dict(d.pop("per_mille_minor"))

        emv_values_in = cls(
            currency=currency,
            per_mille_minor=per_mille_minor,
        )

        return emv_values_in
