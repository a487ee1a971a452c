from enum import StrEnum


class SubmissionBodyFormat(StrEnum):
    CAROUSEL = "carousel"
    LIVE = "live"
    POST = "post"
    REEL = "reel"
    SHORT = "short"
    STORY = "story"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
