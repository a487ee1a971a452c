from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.utm_in import UtmIn


T = TypeVar("T", bound="TrackingLinkCreate")


@_attrs_define
class TrackingLinkCreate:
    """
    Attributes:
        partnership_id (UUID):
        destination_url (str):
        deliverable_id (None | Unset | UUID): A link for one deliverable (else the partnership's)
        utm (None | Unset | UtmIn): UTM parameters; those left out take defaults
        code (None | str | Unset): A code of your own (else 7 random characters)
    """

    partnership_id: UUID
    destination_url: str
    deliverable_id: None | Unset | UUID = UNSET
    utm: None | Unset | UtmIn = UNSET
    code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.utm_in import UtmIn  # noqa: PLC0415

        partnership_id = str(self.partnership_id)

        destination_url = self.destination_url

        deliverable_id: None | str | Unset
        if isinstance(self.deliverable_id, Unset):
            deliverable_id = UNSET
        elif isinstance(self.deliverable_id, UUID):
            deliverable_id = str(self.deliverable_id)
        else:
            deliverable_id = self.deliverable_id

        utm: dict[str, Any] | None | Unset
        if isinstance(self.utm, Unset):
            utm = UNSET
        elif isinstance(self.utm, UtmIn):
            utm = self.utm.to_dict()
        else:
            utm = self.utm

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partnership_id": partnership_id,
                "destination_url": destination_url,
            }
        )
        if deliverable_id is not UNSET:
            field_dict["deliverable_id"] = deliverable_id
        if utm is not UNSET:
            field_dict["utm"] = utm
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.utm_in import UtmIn  # noqa: PLC0415

        d = dict(src_dict)
        partnership_id = UUID(d.pop("partnership_id"))

        destination_url = d.pop("destination_url")

        def _parse_deliverable_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deliverable_id_type_0 = UUID(data)

                return deliverable_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        deliverable_id = _parse_deliverable_id(d.pop("deliverable_id", UNSET))

        def _parse_utm(data: object) -> None | Unset | UtmIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                utm_type_0 = UtmIn.from_dict(data)

                return utm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UtmIn, data)

        utm = _parse_utm(d.pop("utm", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        tracking_link_create = cls(
            partnership_id=partnership_id,
            destination_url=destination_url,
            deliverable_id=deliverable_id,
            utm=utm,
            code=code,
        )

        return tracking_link_create
