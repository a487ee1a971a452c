from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.org_create_kind import OrgCreateKind

if TYPE_CHECKING:
    from ..models.owner_create import OwnerCreate


T = TypeVar("T", bound="OrgCreate")


@_attrs_define
class OrgCreate:
    """
    Attributes:
        name (str):
        kind (OrgCreateKind): brand or agency
        owner (OwnerCreate):
    """

    name: str
    kind: OrgCreateKind
    owner: OwnerCreate

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        owner = self.owner.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "owner": owner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.owner_create import OwnerCreate  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = OrgCreateKind(d.pop("kind"))

        owner = OwnerCreate.from_dict(d.pop("owner"))

        org_create = cls(
            name=name,
            kind=kind,
            owner=owner,
        )

        return org_create
