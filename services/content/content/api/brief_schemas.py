"""Briefs on the wire: the campaign brief a brand writes, the overrides of one deliverable, and
what readers get back."""

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, Field, model_validator

from compliance import Market
from content.domain.briefs import Brief, BriefContent, CreativeFreedom, EffectiveBrief
from servicekit.schemas import CONTROL_CHARACTERS, NotNull, RequestModel, Text, left_out, raise_for

Line = Annotated[str, Field(min_length=1, max_length=300)]
# The patterns state what RequestModel refuses in any string too (control characters), so that a
# client generating data from the OpenAPI sends only what is taken.
Hashtag = Annotated[
    str, Field(pattern=rf"^#?[^\s#@{CONTROL_CHARACTERS}]{{1,100}}$", max_length=101, examples=["#NikeRun"])
]
Handle = Annotated[str, Field(pattern=r"^@?[A-Za-z0-9_.]{1,64}$", max_length=65, examples=["@nike"])]
Link = Annotated[
    str, Field(min_length=4, max_length=500, pattern=rf"^[^\s{CONTROL_CHARACTERS}]+$", examples=["nike.com/spring"])
]
Word = Annotated[str, Field(min_length=1, max_length=100)]


class BrandIn(RequestModel):
    name: str = Field(min_length=1, max_length=200, description="As 'Paid partnership with <name>' names it")
    handles: list[Handle] = Field(default=[], max_length=10, description="The brand's accounts")


class ReferenceAssetIn(RequestModel):
    url: Link
    note: str | None = Field(default=None, max_length=300)


class BriefBody(RequestModel):
    """A campaign brief: a new version each time it is written."""

    objective: Text | None = Field(default=None, max_length=500, description="The objective in a sentence")
    key_messages: list[Line] = Field(default=[], max_length=20)
    talking_points: list[Line] = Field(default=[], max_length=20)
    dos: list[Line] = Field(default=[], max_length=30)
    donts: list[Line] = Field(default=[], max_length=30)
    required_hashtags: list[Hashtag] = Field(default=[], max_length=30)
    required_mentions: list[Handle] = Field(default=[], max_length=20)
    required_links: list[Link] = Field(default=[], max_length=10)
    forbidden_words: list[Word] = Field(default=[], max_length=200)
    disclosure: Text | None = Field(
        default=None, max_length=1000, description="The disclosure asked for, in words (e.g. '#ad as the first word')"
    )
    markets: list[Market] = Field(
        default=[Market.US],
        min_length=1,
        max_length=3,
        description="Whose disclosure rules every version is checked by",
    )
    brand: BrandIn | None = None
    reference_assets: list[ReferenceAssetIn] = Field(default=[], max_length=20)
    creative_freedom: CreativeFreedom = CreativeFreedom.GUIDED

    def content(self) -> BriefContent:
        return BriefContent.from_document(_document(self.model_dump(exclude={"brand"}), self.brand))


class BriefOverridesBody(RequestModel):
    """Fields of the campaign brief this deliverable has otherwise; those left out follow the brief.
    Each call replaces the deliverable's overrides ({} clears them)."""

    objective: Annotated[Text, Field(max_length=500)] | NotNull = left_out()
    key_messages: Annotated[list[Line], Field(max_length=20)] | NotNull = left_out()
    talking_points: Annotated[list[Line], Field(max_length=20)] | NotNull = left_out()
    dos: Annotated[list[Line], Field(max_length=30)] | NotNull = left_out()
    donts: Annotated[list[Line], Field(max_length=30)] | NotNull = left_out()
    required_hashtags: Annotated[list[Hashtag], Field(max_length=30)] | NotNull = left_out()
    required_mentions: Annotated[list[Handle], Field(max_length=20)] | NotNull = left_out()
    required_links: Annotated[list[Link], Field(max_length=10)] | NotNull = left_out()
    forbidden_words: Annotated[list[Word], Field(max_length=200)] | NotNull = left_out()
    disclosure: Annotated[Text, Field(max_length=1000)] | NotNull = left_out()
    markets: Annotated[list[Market], Field(min_length=1, max_length=3)] | NotNull = left_out()
    brand: BrandIn | NotNull = left_out()
    reference_assets: Annotated[list[ReferenceAssetIn], Field(max_length=20)] | NotNull = left_out()
    creative_freedom: CreativeFreedom | NotNull = left_out()

    @model_validator(mode="after")
    def _no_nulls(self) -> "BriefOverridesBody":
        raise_for((name, "may be left out, not null") for name in self.model_fields_set if getattr(self, name) is None)
        return self

    def overrides(self) -> dict[str, Any]:
        given = self.model_dump(exclude_unset=True, exclude={"brand"}, mode="json")
        return _document(given, self.brand, keep_missing=False)


def _document(fields: dict[str, Any], brand: BrandIn | None, keep_missing: bool = True) -> dict[str, Any]:
    document = {k: (v.value if hasattr(v, "value") else v) for k, v in fields.items()}
    if "markets" in document:
        document["markets"] = [m.value if hasattr(m, "value") else m for m in document["markets"]]
    if brand is not None:
        document["brand_name"], document["brand_handles"] = brand.name, list(brand.handles)
    elif keep_missing:
        document["brand_name"], document["brand_handles"] = None, []
    return document


class BrandPublic(BaseModel):
    name: str | None
    handles: list[str]


class BriefContentPublic(BaseModel):
    objective: str | None
    key_messages: list[str]
    talking_points: list[str]
    dos: list[str]
    donts: list[str]
    required_hashtags: list[str]
    required_mentions: list[str]
    required_links: list[str]
    forbidden_words: list[str]
    disclosure: str | None
    markets: list[Market]
    brand: BrandPublic | None
    reference_assets: list[dict[str, str | None]]
    creative_freedom: CreativeFreedom


class BriefPublic(BriefContentPublic):
    id: UUID
    campaign_id: UUID
    version: int
    created_at: datetime
    created_by: UUID | None


class EffectiveBriefPublic(BriefContentPublic):
    """What a deliverable follows: the campaign brief's `version` (0: none written yet) with the
    deliverable's overrides (`overridden` names them)."""

    version: int
    brief_id: UUID | None
    overridden: list[str]


def content_public(content: BriefContent) -> dict[str, Any]:
    document = content.to_document()
    name, handles = document.pop("brand_name"), document.pop("brand_handles")
    document["brand"] = {"name": name, "handles": handles} if name or handles else None
    return document


def brief_public(brief: Brief) -> BriefPublic:
    return BriefPublic(
        id=brief.id,
        campaign_id=brief.campaign_id,
        version=brief.version,
        created_at=brief.created_at,
        created_by=brief.created_by,
        **content_public(brief.content),
    )


def effective_public(brief: EffectiveBrief) -> EffectiveBriefPublic:
    return EffectiveBriefPublic(
        version=brief.version,
        brief_id=brief.brief_id,
        overridden=list(brief.overridden),
        **content_public(brief.content),
    )
