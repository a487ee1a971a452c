from enum import StrEnum


class SponsorSignal(StrEnum):
    BRAND_WITH_COMMERCIAL_CUES = "brand_with_commercial_cues"
    DISCLOSURE = "disclosure"
    NONE = "none"
    PAID_PARTNERSHIP_LABEL = "paid_partnership_label"
    SPONSOR_TAG = "sponsor_tag"
    VAGUE_LABEL = "vague_label"

    def __str__(self) -> str:
        return str(self.value)
