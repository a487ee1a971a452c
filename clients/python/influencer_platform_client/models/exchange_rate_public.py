from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExchangeRatePublic")


@_attrs_define
class ExchangeRatePublic:
    """
    Attributes:
        id (UUID):
        base (str):
        quote (str):
        rate (str): Units of `quote` per unit of `base`
        valid_on (datetime.date):
    """

    id: UUID
    base: str
    quote: str
    rate: str
    valid_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        base = self.base

        quote = self.quote

        rate = self.rate

        valid_on = self.valid_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "base": base,
                "quote": quote,
                "rate": rate,
                "valid_on": valid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        base = d.pop("base")

        quote = d.pop("quote")

        rate = d.pop("rate")

        valid_on = datetime.date.fromisoformat(d.pop("valid_on"))

        exchange_rate_public = cls(
            id=id,
            base=base,
            quote=quote,
            rate=rate,
            valid_on=valid_on,
        )

        exchange_rate_public.additional_properties = d
        return exchange_rate_public

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
