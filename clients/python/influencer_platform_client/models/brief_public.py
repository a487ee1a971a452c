from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.creative_freedom import CreativeFreedom
from ..models.market import Market

if TYPE_CHECKING:
    from ..models.brand_public import BrandPublic
    from ..models.brief_public_reference_assets_item import BriefPublicReferenceAssetsItem


T = TypeVar("T", bound="BriefPublic")


@_attrs_define
class BriefPublic:
    """
    Attributes:
        objective (None | str):
        key_messages (list[str]):
        talking_points (list[str]):
        dos (list[str]):
        donts (list[str]):
        required_hashtags (list[str]):
        required_mentions (list[str]):
        required_links (list[str]):
        forbidden_words (list[str]):
        disclosure (None | str):
        markets (list[Market]):
        brand (BrandPublic | None):
        reference_assets (list[BriefPublicReferenceAssetsItem]):
        creative_freedom (CreativeFreedom):
        id (UUID):
        campaign_id (UUID):
        version (int):
        created_at (datetime.datetime):
        created_by (None | UUID):
    """

    objective: None | str
    key_messages: list[str]
    talking_points: list[str]
    dos: list[str]
    donts: list[str]
    required_hashtags: list[str]
    required_mentions: list[str]
    required_links: list[str]
    forbidden_words: list[str]
    disclosure: None | str
    markets: list[Market]
    brand: BrandPublic | None
    reference_assets: list[BriefPublicReferenceAssetsItem]
    creative_freedom: CreativeFreedom
    id: UUID
    campaign_id: UUID
    version: int
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.brand_public import BrandPublic  # noqa: PLC0415

        objective: None | str
        objective = self.objective

        key_messages = self.key_messages

        talking_points = self.talking_points

        dos = self.dos

        donts = self.donts

        required_hashtags = self.required_hashtags

        required_mentions = self.required_mentions

        required_links = self.required_links

        forbidden_words = self.forbidden_words

        disclosure: None | str
        disclosure = self.disclosure

        markets = []
        for markets_item_data in self.markets:
            markets_item = markets_item_data.value
            markets.append(markets_item)

        brand: dict[str, Any] | None
        if isinstance(self.brand, BrandPublic):
            brand = self.brand.to_dict()
        else:
            brand = self.brand

        reference_assets = []
        for reference_assets_item_data in self.reference_assets:
            reference_assets_item = reference_assets_item_data.to_dict()
            reference_assets.append(reference_assets_item)

        creative_freedom = self.creative_freedom.value

        id = str(self.id)

        campaign_id = str(self.campaign_id)

        version = self.version

        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "objective": objective,
                "key_messages": key_messages,
                "talking_points": talking_points,
                "dos": dos,
                "donts": donts,
                "required_hashtags": required_hashtags,
                "required_mentions": required_mentions,
                "required_links": required_links,
                "forbidden_words": forbidden_words,
                "disclosure": disclosure,
                "markets": markets,
                "brand": brand,
                "reference_assets": reference_assets,
                "creative_freedom": creative_freedom,
                "id": id,
                "campaign_id": campaign_id,
                "version": version,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brand_public import BrandPublic  # noqa: PLC0415
        from ..models.brief_public_reference_assets_item import BriefPublicReferenceAssetsItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_objective(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objective = _parse_objective(d.pop("objective"))

        key_messages = cast(list[str], d.pop("key_messages"))

        talking_points = cast(list[str], d.pop("talking_points"))

        dos = cast(list[str], d.pop("dos"))

        donts = cast(list[str], d.pop("donts"))

        required_hashtags = cast(list[str], d.pop("required_hashtags"))

        required_mentions = cast(list[str], d.pop("required_mentions"))

        required_links = cast(list[str], d.pop("required_links"))

        forbidden_words = cast(list[str], d.pop("forbidden_words"))

        def _parse_disclosure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disclosure = _parse_disclosure(d.pop("disclosure"))

        markets = []
        _markets = d.pop("markets")
        for markets_item_data in _markets:
            markets_item = Market(markets_item_data)

            markets.append(markets_item)

        def _parse_brand(data: object) -> BrandPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                brand_type_0 = BrandPublic.from_dict(data)

                return brand_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BrandPublic | None, data)

        brand = _parse_brand(d.pop("brand"))

        reference_assets = []
        _reference_assets = d.pop("reference_assets")
        for reference_assets_item_data in _reference_assets:
            reference_assets_item = BriefPublicReferenceAssetsItem.from_dict(reference_assets_item_data)

            reference_assets.append(reference_assets_item)

        creative_freedom = CreativeFreedom(d.pop("creative_freedom"))

        id = UUID(d.pop("id"))

        campaign_id = UUID(d.pop("campaign_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        brief_public = cls(
            objective=objective,
            key_messages=key_messages,
            talking_points=talking_points,
            dos=dos,
            donts=donts,
            required_hashtags=required_hashtags,
            required_mentions=required_mentions,
            required_links=required_links,
            forbidden_words=forbidden_words,
            disclosure=disclosure,
            markets=markets,
            brand=brand,
            reference_assets=reference_assets,
            creative_freedom=creative_freedom,
            id=id,
            campaign_id=campaign_id,
            version=version,
            created_at=created_at,
            created_by=created_by,
        )

        brief_public.additional_properties = d
        return brief_public

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
