from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.terms_document import TermsDocument


T = TypeVar("T", bound="ProposeBody")


@_attrs_define
class ProposeBody:
    """
    Attributes:
        terms (None | TermsDocument | Unset): New terms; omit to propose the draft's
    """

    terms: None | TermsDocument | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.terms_document import TermsDocument  # noqa: PLC0415

        terms: dict[str, Any] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, TermsDocument):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.terms_document import TermsDocument  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_terms(data: object) -> None | TermsDocument | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = TermsDocument.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TermsDocument | Unset, data)

        terms = _parse_terms(d.pop("terms", UNSET))

        propose_body = cls(
            terms=terms,
        )

        return propose_body
