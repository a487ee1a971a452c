from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.amplification_body_platform import AmplificationBodyPlatform
from ..models.amplification_kind import AmplificationKind

if TYPE_CHECKING:
    from ..models.money_in import MoneyIn


T = TypeVar("T", bound="AmplificationBody")


@_attrs_define
class AmplificationBody:
    """
    Attributes:
        kind (AmplificationKind):
        platform (AmplificationBodyPlatform): Where it runs: a paid boost on the post's own platform
        spend (MoneyIn): An amount a caller sends: integer minor units of an active ISO 4217 currency.
        starts_on (datetime.date):
        ends_on (datetime.date):
    """

    kind: AmplificationKind
    platform: AmplificationBodyPlatform
    spend: MoneyIn
    starts_on: datetime.date
    ends_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        platform = self.platform.value

        spend = self.spend.to_dict()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "platform": platform,
                "spend": spend,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in import MoneyIn  # noqa: PLC0415

        d = dict(src_dict)
        kind = AmplificationKind(d.pop("kind"))

        platform = AmplificationBodyPlatform(d.pop("platform"))

        spend = MoneyIn.from_dict(d.pop("spend"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        amplification_body = cls(
            kind=kind,
            platform=platform,
            spend=spend,
            starts_on=starts_on,
            ends_on=ends_on,
        )

        return amplification_body
