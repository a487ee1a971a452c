from enum import StrEnum


class Deliverable(StrEnum):
    ARTICLE = "article"
    LIVE = "live"
    POST = "post"
    REEL = "reel"
    SHORT = "short"
    STORY = "story"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
