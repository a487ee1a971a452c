from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.deliverable_terms_type import DeliverableTermsType
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliverableTerms")


@_attrs_define
class DeliverableTerms:
    """
    Attributes:
        type_ (DeliverableTermsType):
        platform (str):
        count (int):
        due_on (datetime.date | None | Unset):
    """

    type_: DeliverableTermsType
    platform: str
    count: int
    due_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        platform = self.platform

        count = self.count

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "platform": platform,
                "count": count,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = DeliverableTermsType(d.pop("type"))

        platform = d.pop("platform")

        count = d.pop("count")

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        deliverable_terms = cls(
            type_=type_,
            platform=platform,
            count=count,
            due_on=due_on,
        )

        return deliverable_terms
