from enum import StrEnum


class DeliverableTermsType(StrEnum):
    BLOG_POST = "blog_post"
    LIVE = "live"
    PODCAST = "podcast"
    POST = "post"
    REEL = "reel"
    SHORT = "short"
    STORY = "story"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
