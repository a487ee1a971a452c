from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.origin import Origin
from ..models.partnership_action import PartnershipAction
from ..models.partnership_state import PartnershipState
from ..models.party import Party

if TYPE_CHECKING:
    from ..models.allocated import Allocated
    from ..models.history_public import HistoryPublic
    from ..models.influencer_address_public import InfluencerAddressPublic
    from ..models.money import Money
    from ..models.signature_public import SignaturePublic
    from ..models.terms_public import TermsPublic
    from ..models.terms_version_public import TermsVersionPublic


T = TypeVar("T", bound="PartnershipDetail")


@_attrs_define
class PartnershipDetail:
    """
    Attributes:
        id (UUID):
        campaign_id (UUID):
        influencer_id (UUID):
        influencer (InfluencerAddressPublic):
        state (PartnershipState):
        origin (Origin):
        you_are (Party):
        allowed_actions (list[PartnershipAction]): What the caller may do now
        awaiting (list[Party]): Whose move it is
        terms_version (int):
        terms_hash (None | str):
        terms (None | TermsPublic):
        fee (Money | None): What the current terms cost the budget
        allocated (Allocated | None): Reserved, committed and paid for this partnership
        signatures (list[SignaturePublic]):
        contacted_at (datetime.datetime | None):
        signed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        versions (list[TermsVersionPublic]):
        history (list[HistoryPublic]):
    """

    id: UUID
    campaign_id: UUID
    influencer_id: UUID
    influencer: InfluencerAddressPublic
    state: PartnershipState
    origin: Origin
    you_are: Party
    allowed_actions: list[PartnershipAction]
    awaiting: list[Party]
    terms_version: int
    terms_hash: None | str
    terms: None | TermsPublic
    fee: Money | None
    allocated: Allocated | None
    signatures: list[SignaturePublic]
    contacted_at: datetime.datetime | None
    signed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    versions: list[TermsVersionPublic]
    history: list[HistoryPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.allocated import Allocated  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.terms_public import TermsPublic  # noqa: PLC0415

        id = str(self.id)

        campaign_id = str(self.campaign_id)

        influencer_id = str(self.influencer_id)

        influencer = self.influencer.to_dict()

        state = self.state.value

        origin = self.origin.value

        you_are = self.you_are.value

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)

        awaiting = []
        for awaiting_item_data in self.awaiting:
            awaiting_item = awaiting_item_data.value
            awaiting.append(awaiting_item)

        terms_version = self.terms_version

        terms_hash: None | str
        terms_hash = self.terms_hash

        terms: dict[str, Any] | None
        if isinstance(self.terms, TermsPublic):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        fee: dict[str, Any] | None
        if isinstance(self.fee, Money):
            fee = self.fee.to_dict()
        else:
            fee = self.fee

        allocated: dict[str, Any] | None
        if isinstance(self.allocated, Allocated):
            allocated = self.allocated.to_dict()
        else:
            allocated = self.allocated

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        contacted_at: None | str
        if isinstance(self.contacted_at, datetime.datetime):
            contacted_at = self.contacted_at.isoformat()
        else:
            contacted_at = self.contacted_at

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "campaign_id": campaign_id,
                "influencer_id": influencer_id,
                "influencer": influencer,
                "state": state,
                "origin": origin,
                "you_are": you_are,
                "allowed_actions": allowed_actions,
                "awaiting": awaiting,
                "terms_version": terms_version,
                "terms_hash": terms_hash,
                "terms": terms,
                "fee": fee,
                "allocated": allocated,
                "signatures": signatures,
                "contacted_at": contacted_at,
                "signed_at": signed_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "versions": versions,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocated import Allocated  # noqa: PLC0415
        from ..models.history_public import HistoryPublic  # noqa: PLC0415
        from ..models.influencer_address_public import InfluencerAddressPublic  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.signature_public import SignaturePublic  # noqa: PLC0415
        from ..models.terms_public import TermsPublic  # noqa: PLC0415
        from ..models.terms_version_public import TermsVersionPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        campaign_id = UUID(d.pop("campaign_id"))

        influencer_id = UUID(d.pop("influencer_id"))

        influencer = InfluencerAddressPublic.from_dict(d.pop("influencer"))

        state = PartnershipState(d.pop("state"))

        origin = Origin(d.pop("origin"))

        you_are = Party(d.pop("you_are"))

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = PartnershipAction(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        awaiting = []
        _awaiting = d.pop("awaiting")
        for awaiting_item_data in _awaiting:
            awaiting_item = Party(awaiting_item_data)

            awaiting.append(awaiting_item)

        terms_version = d.pop("terms_version")

        def _parse_terms_hash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        terms_hash = _parse_terms_hash(d.pop("terms_hash"))

        def _parse_terms(data: object) -> None | TermsPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = TermsPublic.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TermsPublic, data)

        terms = _parse_terms(d.pop("terms"))

        def _parse_fee(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_0 = Money.from_dict(data)

                return fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        fee = _parse_fee(d.pop("fee"))

        def _parse_allocated(data: object) -> Allocated | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                allocated_type_0 = Allocated.from_dict(data)

                return allocated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Allocated | None, data)

        allocated = _parse_allocated(d.pop("allocated"))

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignaturePublic.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        def _parse_contacted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contacted_at_type_0 = datetime.datetime.fromisoformat(data)

                return contacted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        contacted_at = _parse_contacted_at(d.pop("contacted_at"))

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = TermsVersionPublic.from_dict(versions_item_data)

            versions.append(versions_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryPublic.from_dict(history_item_data)

            history.append(history_item)

        partnership_detail = cls(
            id=id,
            campaign_id=campaign_id,
            influencer_id=influencer_id,
            influencer=influencer,
            state=state,
            origin=origin,
            you_are=you_are,
            allowed_actions=allowed_actions,
            awaiting=awaiting,
            terms_version=terms_version,
            terms_hash=terms_hash,
            terms=terms,
            fee=fee,
            allocated=allocated,
            signatures=signatures,
            contacted_at=contacted_at,
            signed_at=signed_at,
            created_at=created_at,
            updated_at=updated_at,
            versions=versions,
            history=history,
        )

        partnership_detail.additional_properties = d
        return partnership_detail

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
