from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.creative_freedom import CreativeFreedom
from ..models.market import Market
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.brand_in import BrandIn
    from ..models.reference_asset_in import ReferenceAssetIn


T = TypeVar("T", bound="BriefBody")


@_attrs_define
class BriefBody:
    """A campaign brief: a new version each time it is written.

    Attributes:
        objective (None | str | Unset): The objective in a sentence
        key_messages (list[str] | Unset):
        talking_points (list[str] | Unset):
        dos (list[str] | Unset):
        donts (list[str] | Unset):
        required_hashtags (list[str] | Unset):
        required_mentions (list[str] | Unset):
        required_links (list[str] | Unset):
        forbidden_words (list[str] | Unset):
        disclosure (None | str | Unset): The disclosure asked for, in words (e.g. '#ad as the first word')
        markets (list[Market] | Unset): Whose disclosure rules every version is checked by
        brand (BrandIn | None | Unset):
        reference_assets (list[ReferenceAssetIn] | Unset):
        creative_freedom (CreativeFreedom | Unset):
    """

    objective: None | str | Unset = UNSET
    key_messages: list[str] | Unset = UNSET
    talking_points: list[str] | Unset = UNSET
    dos: list[str] | Unset = UNSET
    donts: list[str] | Unset = UNSET
    required_hashtags: list[str] | Unset = UNSET
    required_mentions: list[str] | Unset = UNSET
    required_links: list[str] | Unset = UNSET
    forbidden_words: list[str] | Unset = UNSET
    disclosure: None | str | Unset = UNSET
    markets: list[Market] | Unset = UNSET
    brand: BrandIn | None | Unset = UNSET
    reference_assets: list[ReferenceAssetIn] | Unset = UNSET
    creative_freedom: CreativeFreedom | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.brand_in import BrandIn  # noqa: PLC0415

        objective: None | str | Unset
        if isinstance(self.objective, Unset):
            objective = UNSET
        else:
            objective = self.objective

        key_messages: list[str] | Unset = UNSET
        if not isinstance(self.key_messages, Unset):
            key_messages = self.key_messages

        talking_points: list[str] | Unset = UNSET
        if not isinstance(self.talking_points, Unset):
            talking_points = self.talking_points

        dos: list[str] | Unset = UNSET
        if not isinstance(self.dos, Unset):
            dos = self.dos

        donts: list[str] | Unset = UNSET
        if not isinstance(self.donts, Unset):
            donts = self.donts

        required_hashtags: list[str] | Unset = UNSET
        if not isinstance(self.required_hashtags, Unset):
            required_hashtags = self.required_hashtags

        required_mentions: list[str] | Unset = UNSET
        if not isinstance(self.required_mentions, Unset):
            required_mentions = self.required_mentions

        required_links: list[str] | Unset = UNSET
        if not isinstance(self.required_links, Unset):
            required_links = self.required_links

        forbidden_words: list[str] | Unset = UNSET
        if not isinstance(self.forbidden_words, Unset):
            forbidden_words = self.forbidden_words

        disclosure: None | str | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        else:
            disclosure = self.disclosure

        markets: list[str] | Unset = UNSET
        if not isinstance(self.markets, Unset):
            markets = []
            for markets_item_data in self.markets:
                markets_item = markets_item_data.value
                markets.append(markets_item)

        brand: dict[str, Any] | None | Unset
        if isinstance(self.brand, Unset):
            brand = UNSET
        elif isinstance(self.brand, BrandIn):
            brand = self.brand.to_dict()
        else:
            brand = self.brand

        reference_assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reference_assets, Unset):
            reference_assets = []
            for reference_assets_item_data in self.reference_assets:
                reference_assets_item = reference_assets_item_data.to_dict()
                reference_assets.append(reference_assets_item)

        creative_freedom: str | Unset = UNSET
        if not isinstance(self.creative_freedom, Unset):
            creative_freedom = self.creative_freedom.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if objective is not UNSET:
            field_dict["objective"] = objective
        if key_messages is not UNSET:
            field_dict["key_messages"] = key_messages
        if talking_points is not UNSET:
            field_dict["talking_points"] = talking_points
        if dos is not UNSET:
            field_dict["dos"] = dos
        if donts is not UNSET:
            field_dict["donts"] = donts
        if required_hashtags is not UNSET:
            field_dict["required_hashtags"] = required_hashtags
        if required_mentions is not UNSET:
            field_dict["required_mentions"] = required_mentions
        if required_links is not UNSET:
            field_dict["required_links"] = required_links
        if forbidden_words is not UNSET:
            field_dict["forbidden_words"] = forbidden_words
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure
        if markets is not UNSET:
            field_dict["markets"] = markets
        if brand is not UNSET:
            field_dict["brand"] = brand
        if reference_assets is not UNSET:
            field_dict["reference_assets"] = reference_assets
        if creative_freedom is not UNSET:
            field_dict["creative_freedom"] = creative_freedom

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brand_in import BrandIn  # noqa: PLC0415
        from ..models.reference_asset_in import ReferenceAssetIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_objective(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objective = _parse_objective(d.pop("objective", UNSET))

        key_messages = cast(list[str], d.pop("key_messages", UNSET))

        talking_points = cast(list[str], d.pop("talking_points", UNSET))

        dos = cast(list[str], d.pop("dos", UNSET))

        donts = cast(list[str], d.pop("donts", UNSET))

        required_hashtags = cast(list[str], d.pop("required_hashtags", UNSET))

        required_mentions = cast(list[str], d.pop("required_mentions", UNSET))

        required_links = cast(list[str], d.pop("required_links", UNSET))

        forbidden_words = cast(list[str], d.pop("forbidden_words", UNSET))

        def _parse_disclosure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        _markets = d.pop("markets", UNSET)
        markets: list[Market] | Unset = UNSET
        if _markets is not UNSET:
            markets = []
            for markets_item_data in _markets:
                markets_item = Market(markets_item_data)

                markets.append(markets_item)

        def _parse_brand(data: object) -> BrandIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                brand_type_0 = BrandIn.from_dict(data)

                return brand_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BrandIn | None | Unset, data)

        brand = _parse_brand(d.pop("brand", UNSET))

        _reference_assets = d.pop("reference_assets", UNSET)
        reference_assets: list[ReferenceAssetIn] | Unset = UNSET
        if _reference_assets is not UNSET:
            reference_assets = []
            for reference_assets_item_data in _reference_assets:
                reference_assets_item = ReferenceAssetIn.from_dict(reference_assets_item_data)

                reference_assets.append(reference_assets_item)

        _creative_freedom = d.pop("creative_freedom", UNSET)
        creative_freedom: CreativeFreedom | Unset
        if isinstance(_creative_freedom, Unset):
            creative_freedom = UNSET
        else:
            creative_freedom = CreativeFreedom(_creative_freedom)

        brief_body = cls(
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
        )

        return brief_body
