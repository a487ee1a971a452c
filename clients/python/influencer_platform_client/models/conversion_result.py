from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.conversion_public import ConversionPublic


T = TypeVar("T", bound="ConversionResult")


@_attrs_define
class ConversionResult:
    """
    Attributes:
        type_ (str):
        order_id (str):
        created (bool): False: the same as reported before (a repeat changes nothing)
        conversion (ConversionPublic):
    """

    type_: str
    order_id: str
    created: bool
    conversion: ConversionPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        order_id = self.order_id

        created = self.created

        conversion = self.conversion.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "order_id": order_id,
                "created": created,
                "conversion": conversion,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conversion_public import ConversionPublic  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        order_id = d.pop("order_id")

        created = d.pop("created")

        conversion = ConversionPublic.from_dict(d.pop("conversion"))

        conversion_result = cls(
            type_=type_,
            order_id=order_id,
            created=created,
            conversion=conversion,
        )

        conversion_result.additional_properties = d
        return conversion_result

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
