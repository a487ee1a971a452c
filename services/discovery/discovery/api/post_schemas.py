"""Wire models of posts: their import's formats, a profile's recent posts and sponsored history."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from discovery.domain.posts import MediaType, SponsorSignal


class PostFormat(StrEnum):
    CSV = "csv"
    TSV = "tsv"
    NDJSON = "ndjson"
    ZIP = "zip"


class SponsorshipPublic(BaseModel):
    sponsored: bool
    signal: SponsorSignal = Field(
        description="paid_partnership_label, sponsor_tag, disclosure, brand_with_commercial_cues, vague_label; none"
    )
    reason: str
    brands: list[str] = Field(description="The accounts it names as partners (its sponsor tags, else its mentions)")


class InfluencerPostPublic(BaseModel):
    id: UUID
    platform: str
    post_id: str
    url: str | None
    posted_at: datetime
    caption: str | None
    media_type: MediaType | None
    likes: int | None
    comments: int | None
    views: int | None
    shares: int | None
    saves: int | None
    paid_partnership: bool | None = Field(description="The platform's label as the import stated it; null: not stated")
    sponsorship: SponsorshipPublic


class BrandWorkPublic(BaseModel):
    brand: str
    posts: int
    last_at: datetime


class SponsoredHistoryPublic(BaseModel):
    posts_seen: int = Field(description="Posts imported of the profile that the history reads")
    sponsored_posts: int
    first_post_at: datetime | None
    last_sponsored_at: datetime | None
    brands: list[BrandWorkPublic] = Field(description="Sponsors by sponsored posts, most first")


class CompetitorWorkPublic(BaseModel):
    competitor: str
    worked_with: bool
    posts: int = Field(description="Sponsored posts naming it")
    last_at: datetime | None
    brands: list[str] = Field(description="The sponsors that matched it")
