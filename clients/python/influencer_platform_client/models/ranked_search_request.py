from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.filters_in import FiltersIn
    from ..models.money_in import MoneyIn
    from ..models.weighted_audience_in import WeightedAudienceIn
    from ..models.weights_in import WeightsIn


T = TypeVar("T", bound="RankedSearchRequest")


@_attrs_define
class RankedSearchRequest:
    """
    Attributes:
        target_audience (WeightedAudienceIn | Unset): Segments to reach: a list (equal weights) or segment -> weight.
        brief (None | str | Unset): The brand brief, compared with profiles
        budget_per_post (MoneyIn | None | Unset):
        filters (FiltersIn | Unset):
        weights (WeightsIn | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
    """

    target_audience: WeightedAudienceIn | Unset = UNSET
    brief: None | str | Unset = UNSET
    budget_per_post: MoneyIn | None | Unset = UNSET
    filters: FiltersIn | Unset = UNSET
    weights: WeightsIn | Unset = UNSET
    limit: int | Unset = 20
    cursor: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn  # noqa: PLC0415

        target_audience: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target_audience, Unset):
            target_audience = self.target_audience.to_dict()

        brief: None | str | Unset
        if isinstance(self.brief, Unset):
            brief = UNSET
        else:
            brief = self.brief

        budget_per_post: dict[str, Any] | None | Unset
        if isinstance(self.budget_per_post, Unset):
            budget_per_post = UNSET
        elif isinstance(self.budget_per_post, MoneyIn):
            budget_per_post = self.budget_per_post.to_dict()
        else:
            budget_per_post = self.budget_per_post

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.weights, Unset):
            weights = self.weights.to_dict()

        limit = self.limit

        cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        else:
            cursor = self.cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if target_audience is not UNSET:
            field_dict["target_audience"] = target_audience
        if brief is not UNSET:
            field_dict["brief"] = brief
        if budget_per_post is not UNSET:
            field_dict["budget_per_post"] = budget_per_post
        if filters is not UNSET:
            field_dict["filters"] = filters
        if weights is not UNSET:
            field_dict["weights"] = weights
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters_in import FiltersIn  # noqa: PLC0415
        from ..models.money_in import MoneyIn  # noqa: PLC0415
        from ..models.weighted_audience_in import WeightedAudienceIn  # noqa: PLC0415
        from ..models.weights_in import WeightsIn  # noqa: PLC0415

        d = dict(src_dict)
        _target_audience = d.pop("target_audience", UNSET)
        target_audience: WeightedAudienceIn | Unset
        if isinstance(_target_audience, Unset):
            target_audience = UNSET
        else:
            target_audience = WeightedAudienceIn.from_dict(_target_audience)

        def _parse_brief(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brief = _parse_brief(d.pop("brief", UNSET))

        def _parse_budget_per_post(data: object) -> MoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                budget_per_post_type_0 = MoneyIn.from_dict(data)

                return budget_per_post_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyIn | None | Unset, data)

        budget_per_post = _parse_budget_per_post(d.pop("budget_per_post", UNSET))

        _filters = d.pop("filters", UNSET)
        filters: FiltersIn | Unset
        if isinstance(_filters, Unset):
            filters = UNSET
        else:
            filters = FiltersIn.from_dict(_filters)

        _weights = d.pop("weights", UNSET)
        weights: WeightsIn | Unset
        if isinstance(_weights, Unset):
            weights = UNSET
        else:
            weights = WeightsIn.from_dict(_weights)

        limit = d.pop("limit", UNSET)

        def _parse_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor = _parse_cursor(d.pop("cursor", UNSET))

        ranked_search_request = cls(
            target_audience=target_audience,
            brief=brief,
            budget_per_post=budget_per_post,
            filters=filters,
            weights=weights,
            limit=limit,
            cursor=cursor,
        )

        return ranked_search_request
