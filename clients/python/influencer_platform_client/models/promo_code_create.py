from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PromoCodeCreate")


@_attrs_define
class PromoCodeCreate:
    """
    Attributes:
        code (str):
        partnership_id (UUID):
    """

    code: str
    partnership_id: UUID

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        partnership_id = str(self.partnership_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "partnership_id": partnership_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        partnership_id = UUID(d.pop("partnership_id"))

        promo_code_create = cls(
            code=code,
            partnership_id=partnership_id,
        )

        return promo_code_create
