from enum import StrEnum


class MediaType(StrEnum):
    CAROUSEL = "carousel"
    IMAGE = "image"
    LIVE = "live"
    REEL = "reel"
    SHORT = "short"
    STORY = "story"
    TEXT = "text"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
