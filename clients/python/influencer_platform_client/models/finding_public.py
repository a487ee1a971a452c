from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_public_severity import FindingPublicSeverity

if TYPE_CHECKING:
    from ..models.rule_public import RulePublic
    from ..models.span_public import SpanPublic


T = TypeVar("T", bound="FindingPublic")


@_attrs_define
class FindingPublic:
    """
    Attributes:
        code (str):
        severity (FindingPublicSeverity):
        rule (RulePublic):
        message (str):
        span (None | SpanPublic): Where in the caption, [start, end) in code points
        market (None | str):
    """

    code: str
    severity: FindingPublicSeverity
    rule: RulePublic
    message: str
    span: None | SpanPublic
    market: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.span_public import SpanPublic  # noqa: PLC0415

        code = self.code

        severity = self.severity.value

        rule = self.rule.to_dict()

        message = self.message

        span: dict[str, Any] | None
        if isinstance(self.span, SpanPublic):
            span = self.span.to_dict()
        else:
            span = self.span

        market: None | str
        market = self.market

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "severity": severity,
                "rule": rule,
                "message": message,
                "span": span,
                "market": market,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_public import RulePublic  # noqa: PLC0415
        from ..models.span_public import SpanPublic  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        severity = FindingPublicSeverity(d.pop("severity"))

        rule = RulePublic.from_dict(d.pop("rule"))

        message = d.pop("message")

        def _parse_span(data: object) -> None | SpanPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                span_type_0 = SpanPublic.from_dict(data)

                return span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpanPublic, data)

        span = _parse_span(d.pop("span"))

        def _parse_market(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        market = _parse_market(d.pop("market"))

        finding_public = cls(
            code=code,
            severity=severity,
            rule=rule,
            message=message,
            span=span,
            market=market,
        )

        finding_public.additional_properties = d
        return finding_public

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
