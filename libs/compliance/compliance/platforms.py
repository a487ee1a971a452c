"""What each platform shows and accepts: the fold, caption length, hashtag and mention counts.

Data, not code. The package README lists each number with its source; change them here.
"""

from dataclasses import dataclass
from enum import StrEnum

from compliance.model import Format, Platform, Rule


class Counting(StrEnum):
    CODE_POINTS = "code points"  # each Unicode code point of the caption as written
    UTF8_BYTES = "UTF-8 bytes"  # YouTube's Data API measures a description in bytes
    X_WEIGHTED = "weighted characters"  # twitter-text: most scripts 1, CJK and emoji 2, each link 23


@dataclass(frozen=True, slots=True)
class PlatformRules:
    name: str
    fold: int | None  # characters shown before "more"; None: the whole caption shows
    caption_limit: int
    counting: Counting
    hashtag_limit: int | None
    mention_limit: int | None
    forbidden_characters: str
    limits_rule: Rule


PLATFORMS: dict[Platform, PlatformRules] = {
    Platform.INSTAGRAM: PlatformRules(
        name="Instagram",
        # The feed cuts a caption at about 125 characters before "... more" (hence Meta's ads guide
        # recommends 125 characters of text); the FTC asks for the disclosure before "more".
        fold=125,
        caption_limit=2200,
        counting=Counting.CODE_POINTS,
        # 5 since Instagram's December 2025 change (30 before); 20 @mentions per caption.
        hashtag_limit=5,
        mention_limit=20,
        forbidden_characters="",
        limits_rule=Rule(
            "instagram.limits",
            "Instagram caption: 2,200 characters, 5 hashtags, 20 mentions",
            "Instagram Help Center; Instagram's 5-hashtag limit (Dec 2025); mentions: platform guidance",
        ),
    ),
    Platform.TIKTOK: PlatformRules(
        name="TikTok",
        fold=None,
        caption_limit=4000,
        counting=Counting.CODE_POINTS,
        hashtag_limit=None,
        mention_limit=None,
        forbidden_characters="",
        limits_rule=Rule(
            "tiktok.limits",
            "TikTok caption: 4,000 characters",
            "TikTok app (raised from 2,200 to 4,000); the Content Posting API still takes 2,200 - platform guidance",
        ),
    ),
    Platform.YOUTUBE: PlatformRules(
        name="YouTube",
        # A description shows about its first 100-150 characters above "...more"; the lower end, so a
        # disclosure that passes is seen on every layout.
        fold=100,
        caption_limit=5000,
        counting=Counting.UTF8_BYTES,
        hashtag_limit=15,
        mention_limit=None,
        forbidden_characters="<>",
        limits_rule=Rule(
            "youtube.limits",
            "YouTube description: 5,000 bytes, no < or >, at most 15 hashtags (more and YouTube ignores them all)",
            "YouTube Data API (videos: snippet.description); YouTube Help: hashtag policies",
        ),
    ),
    Platform.X: PlatformRules(
        name="X",
        fold=None,
        caption_limit=280,
        counting=Counting.X_WEIGHTED,
        hashtag_limit=None,
        mention_limit=None,
        forbidden_characters="",
        limits_rule=Rule(
            "x.limits",
            "X post: 280 weighted characters (standard accounts)",
            "X Developer Platform: counting characters (twitter-text v3)",
        ),
    ),
}

# Formats whose caption is not shown under a "more" fold: a story's text is on the picture itself.
FOLDLESS_FORMATS = frozenset({Format.STORY})

# A viewer watches these rather than reads their caption, so the disclosure must be in the video itself.
VIDEO_FORMATS = frozenset({Format.REEL, Format.STORY, Format.VIDEO, Format.SHORT, Format.LIVE})
VIDEO_PLATFORMS = frozenset({Platform.TIKTOK, Platform.YOUTUBE})


def fold_for(platform: Platform, format: Format) -> int | None:
    return None if format in FOLDLESS_FORMATS else PLATFORMS[platform].fold


def is_video(platform: Platform, format: Format) -> bool:
    return format in VIDEO_FORMATS or platform in VIDEO_PLATFORMS
