from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RateUsedPublic")


@_attrs_define
class RateUsedPublic:
    """
    Attributes:
        rate_id (UUID):
        source (str): The currency converted from
        target (str):
        rate (str): Units of `target` per unit of `source` (the inverse of a stored rate if `inverse`)
        valid_on (datetime.date):
        inverse (bool):
        source_minor (int):
        target_minor (int):
    """

    rate_id: UUID
    source: str
    target: str
    rate: str
    valid_on: datetime.date
    inverse: bool
    source_minor: int
    target_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rate_id = str(self.rate_id)

        source = self.source

        target = self.target

        rate = self.rate

        valid_on = self.valid_on.isoformat()

        inverse = self.inverse

        source_minor = self.source_minor

        target_minor = self.target_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rate_id": rate_id,
                "source": source,
                "target": target,
                "rate": rate,
                "valid_on": valid_on,
                "inverse": inverse,
                "source_minor": source_minor,
                "target_minor": target_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rate_id = UUID(d.pop("rate_id"))

        source = d.pop("source")

        target = d.pop("target")

        rate = d.pop("rate")

        valid_on = datetime.date.fromisoformat(d.pop("valid_on"))

        inverse = d.pop("inverse")

        source_minor = d.pop("source_minor")

        target_minor = d.pop("target_minor")

        rate_used_public = cls(
            rate_id=rate_id,
            source=source,
            target=target,
            rate=rate,
            valid_on=valid_on,
            inverse=inverse,
            source_minor=source_minor,
            target_minor=target_minor,
        )

        rate_used_public.additional_properties = d
        return rate_used_public

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
