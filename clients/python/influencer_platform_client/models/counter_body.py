from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.terms_document import TermsDocument


T = TypeVar("T", bound="CounterBody")


@_attrs_define
class CounterBody:
    """
    Attributes:
        terms (TermsDocument): One version of the terms. Without a payment schedule a cash fee is paid in full on
            publication and a gift counts as delivered on signing; a commission has no schedule.
        terms_version (int | None | Unset): The version you answer (409 if stale)
        note (None | str | Unset):
    """

    terms: TermsDocument
    terms_version: int | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        terms = self.terms.to_dict()

        terms_version: int | None | Unset
        if isinstance(self.terms_version, Unset):
            terms_version = UNSET
        else:
            terms_version = self.terms_version

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "terms": terms,
            }
        )
        if terms_version is not UNSET:
            field_dict["terms_version"] = terms_version
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.terms_document import TermsDocument  # noqa: PLC0415

        d = dict(src_dict)
        terms = TermsDocument.from_dict(d.pop("terms"))

        def _parse_terms_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        terms_version = _parse_terms_version(d.pop("terms_version", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        counter_body = cls(
            terms=terms,
            terms_version=terms_version,
            note=note,
        )

        return counter_body
