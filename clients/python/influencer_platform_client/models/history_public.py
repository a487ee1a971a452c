from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partnership_state import PartnershipState
from ..models.party import Party

T = TypeVar("T", bound="HistoryPublic")


@_attrs_define
class HistoryPublic:
    """
    Attributes:
        at (datetime.datetime):
        action (str):
        actor (Party):
        user_id (None | UUID):
        from_state (None | PartnershipState):
        to_state (PartnershipState):
        terms_version (int):
        note (None | str):
    """

    at: datetime.datetime
    action: str
    actor: Party
    user_id: None | UUID
    from_state: None | PartnershipState
    to_state: PartnershipState
    terms_version: int
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        action = self.action

        actor = self.actor.value

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        from_state: None | str
        if isinstance(self.from_state, PartnershipState):
            from_state = self.from_state.value
        else:
            from_state = self.from_state

        to_state = self.to_state.value

        terms_version = self.terms_version

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "action": action,
                "actor": actor,
                "user_id": user_id,
                "from_state": from_state,
                "to_state": to_state,
                "terms_version": terms_version,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = d.pop("action")

        actor = Party(d.pop("actor"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        def _parse_from_state(data: object) -> None | PartnershipState:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_state_type_0 = PartnershipState(data)

                return from_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnershipState, data)

        from_state = _parse_from_state(d.pop("from_state"))

        to_state = PartnershipState(d.pop("to_state"))

        terms_version = d.pop("terms_version")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        history_public = cls(
            at=at,
            action=action,
            actor=actor,
            user_id=user_id,
            from_state=from_state,
            to_state=to_state,
            terms_version=terms_version,
            note=note,
        )

        history_public.additional_properties = d
        return history_public

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
