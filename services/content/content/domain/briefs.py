"""A campaign's brief: what the brand asks of every deliverable, versioned, with per-deliverable
overrides. A new version never changes what an older submission was checked against: each
submission keeps the brief version it was checked with."""

from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from compliance import Brand, BriefRequirements, Market


class CreativeFreedom(StrEnum):
    SCRIPTED = "scripted"  # the brand gives the words
    GUIDED = "guided"  # key messages and talking points, the creator's own words
    OPEN = "open"  # the objective only


@dataclass(frozen=True)
class ReferenceAsset:
    url: str
    note: str | None = None


@dataclass(frozen=True)
class BriefContent:
    objective: str | None = None
    key_messages: tuple[str, ...] = ()
    talking_points: tuple[str, ...] = ()
    dos: tuple[str, ...] = ()
    donts: tuple[str, ...] = ()
    required_hashtags: tuple[str, ...] = ()
    required_mentions: tuple[str, ...] = ()
    required_links: tuple[str, ...] = ()
    forbidden_words: tuple[str, ...] = ()
    disclosure: str | None = None
    markets: tuple[Market, ...] = (Market.US,)
    brand_name: str | None = None
    brand_handles: tuple[str, ...] = ()
    reference_assets: tuple[ReferenceAsset, ...] = ()
    creative_freedom: CreativeFreedom = CreativeFreedom.GUIDED

    def requirements(self) -> BriefRequirements:
        return BriefRequirements(
            required_hashtags=self.required_hashtags,
            required_mentions=self.required_mentions,
            required_links=self.required_links,
            forbidden_words=self.forbidden_words,
        )

    def brand(self) -> Brand | None:
        if not self.brand_name and not self.brand_handles:
            return None
        return Brand(self.brand_name or "", self.brand_handles)

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "reference_assets":
                value = [{"url": a.url, "note": a.note} for a in value]
            elif f.name == "markets":
                value = [m.value for m in value]
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, StrEnum):
                value = value.value
            document[f.name] = value
        return document

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> "BriefContent":
        return BriefContent().with_overrides(document)

    def with_overrides(self, overrides: dict[str, Any]) -> "BriefContent":
        """These fields replaced (a deliverable's overrides, as stored)."""
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            if name not in BRIEF_FIELDS:
                continue
            if name == "reference_assets":
                value = tuple(ReferenceAsset(a["url"], a.get("note")) for a in value)
            elif name == "markets":
                value = tuple(Market(m) for m in value)
            elif name == "creative_freedom":
                value = CreativeFreedom(value)
            elif isinstance(value, list):
                value = tuple(value)
            changes[name] = value
        return replace(self, **changes)


BRIEF_FIELDS = frozenset(f.name for f in fields(BriefContent))


@dataclass(frozen=True)
class Brief:
    """One version of a campaign's brief."""

    id: UUID
    tenant_id: UUID
    campaign_id: UUID
    version: int
    content: BriefContent
    created_at: datetime
    created_by: UUID | None


@dataclass(frozen=True)
class EffectiveBrief:
    """What a deliverable follows: the campaign brief's version (none yet: 0) with its overrides."""

    version: int
    brief_id: UUID | None
    content: BriefContent
    overridden: tuple[str, ...]


def effective_brief(brief: Brief | None, overrides: dict[str, Any]) -> EffectiveBrief:
    base = brief.content if brief is not None else BriefContent()
    return EffectiveBrief(
        version=brief.version if brief is not None else 0,
        brief_id=brief.id if brief is not None else None,
        content=base.with_overrides(overrides),
        overridden=tuple(sorted(name for name in overrides if name in BRIEF_FIELDS)),
    )
