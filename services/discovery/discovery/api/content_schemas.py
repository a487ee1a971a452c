"""Wire models of what a profile's posts tell (content quality, voice match), and of how much of
a score rests on data."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field, field_validator

from discovery.domain.voice import MAX_CAPTION
from servicekit.schemas import RequestModel, Text


class CoveragePublic(BaseModel):
    """How much of a score rests on data; each signal not assessed counted as neutral."""

    assessed: int = Field(description="Signals the profile's data showed")
    of: int = Field(description="Signals the score reads")
    missing: list[str] = Field(description="The signals not assessed")


class ContentQualityPart(BaseModel):
    signal: str
    score: float | None = Field(description="0..1; null: not assessed (counted as a neutral 0.5)")
    detail: str = Field(description="What the posts showed, or why the signal was not assessed")


class ContentQualityPublic(BaseModel):
    score: int = Field(ge=0, le=100, description="100 × the mean of the signals; 50: nothing assessed")
    parts: list[ContentQualityPart]
    coverage: CoveragePublic
    assessed_at: datetime = Field(
        description="When the posts last changed this assessment (a posts import that changes none of its "
        "figures, reasons or captions leaves the time as it was)"
    )


class VoiceMatchIn(RequestModel):
    caption: Text = Field(min_length=1, max_length=MAX_CAPTION, description="The draft caption")

    @field_validator("caption")
    @classmethod
    def _says_something(cls, caption: str) -> str:
        if not caption.strip():
            raise ValueError("the caption is blank")
        return caption


class NearCaptionPublic(BaseModel):
    caption: str
    similarity: float


class VoiceMatchPublic(BaseModel):
    influencer_id: UUID
    closeness: float | None = Field(description="Mean similarity to the nearest organic captions, 0..1")
    verdict: Literal["close", "partly", "distant", "not_assessed"]
    explanation: str
    nearest: list[NearCaptionPublic] = Field(description="The creator's organic captions nearest to the draft")
    compared: int = Field(description="How many organic captions were compared")
