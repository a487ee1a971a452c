from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.influencer_address import InfluencerAddress
    from ..models.terms_document import TermsDocument


T = TypeVar("T", bound="PartnershipCreate")


@_attrs_define
class PartnershipCreate:
    """
    Attributes:
        influencer_id (UUID):
        influencer (InfluencerAddress | None | Unset): How to address the influencer
        terms (None | TermsDocument | Unset):
        propose (bool | Unset): false keeps it a draft, invisible to the creator Default: True.
    """

    influencer_id: UUID
    influencer: InfluencerAddress | None | Unset = UNSET
    terms: None | TermsDocument | Unset = UNSET
    propose: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        from ..models.influencer_address import InfluencerAddress  # noqa: PLC0415
        from ..models.terms_document import TermsDocument  # noqa: PLC0415

        influencer_id = str(self.influencer_id)

        influencer: dict[str, Any] | None | Unset
        if isinstance(self.influencer, Unset):
            influencer = UNSET
        elif isinstance(self.influencer, InfluencerAddress):
            influencer = self.influencer.to_dict()
        else:
            influencer = self.influencer

        terms: dict[str, Any] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, TermsDocument):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        propose = self.propose

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "influencer_id": influencer_id,
            }
        )
        if influencer is not UNSET:
            field_dict["influencer"] = influencer
        if terms is not UNSET:
            field_dict["terms"] = terms
        if propose is not UNSET:
            field_dict["propose"] = propose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.influencer_address import InfluencerAddress  # noqa: PLC0415
        from ..models.terms_document import TermsDocument  # noqa: PLC0415

        d = dict(src_dict)
        influencer_id = UUID(d.pop("influencer_id"))

        def _parse_influencer(data: object) -> InfluencerAddress | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                influencer_type_0 = InfluencerAddress.from_dict(data)

                return influencer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InfluencerAddress | None | Unset, data)

        influencer = _parse_influencer(d.pop("influencer", UNSET))

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

        propose = d.pop("propose", UNSET)

        partnership_create = cls(
            influencer_id=influencer_id,
            influencer=influencer,
            terms=terms,
            propose=propose,
        )

        return partnership_create
