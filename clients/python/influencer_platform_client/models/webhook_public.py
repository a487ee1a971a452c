from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_public_state import WebhookPublicState

if TYPE_CHECKING:
    from ..models.webhook_creator import WebhookCreator


T = TypeVar("T", bound="WebhookPublic")


@_attrs_define
class WebhookPublic:
    """
    Attributes:
        id (UUID):
        url (str):
        event_types (list[str]):
        description (None | str):
        created_at (datetime.datetime):
        created_by (None | WebhookCreator): The member or API key that made it (or last enabled it); null when made
            before this was kept
        state (WebhookPublicState): disabled when its creator's access ended (removed, demoted, key revoked): no
            deliveries
        disabled_at (datetime.datetime | None):
        disabled_reason (None | str):
    """

    id: UUID
    url: str
    event_types: list[str]
    description: None | str
    created_at: datetime.datetime
    created_by: None | WebhookCreator
    state: WebhookPublicState
    disabled_at: datetime.datetime | None
    disabled_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_creator import WebhookCreator  # noqa: PLC0415

        id = str(self.id)

        url = self.url

        event_types = self.event_types

        description: None | str
        description = self.description

        created_at = self.created_at.isoformat()

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, WebhookCreator):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        state = self.state.value

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "description": description,
                "created_at": created_at,
                "created_by": created_by,
                "state": state,
                "disabled_at": disabled_at,
                "disabled_reason": disabled_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_creator import WebhookCreator  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_created_by(data: object) -> None | WebhookCreator:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_0 = WebhookCreator.from_dict(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WebhookCreator, data)

        created_by = _parse_created_by(d.pop("created_by"))

        state = WebhookPublicState(d.pop("state"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        webhook_public = cls(
            id=id,
            url=url,
            event_types=event_types,
            description=description,
            created_at=created_at,
            created_by=created_by,
            state=state,
            disabled_at=disabled_at,
            disabled_reason=disabled_reason,
        )

        webhook_public.additional_properties = d
        return webhook_public

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
