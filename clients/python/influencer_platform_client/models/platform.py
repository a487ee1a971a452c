from enum import StrEnum


class Platform(StrEnum):
    BLOG = "blog"
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    TWITCH = "twitch"
    X = "x"
    YOUTUBE = "youtube"

    def __str__(self) -> str:
        return str(self.value)
