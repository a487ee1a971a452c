"""A live post: its link checked and normalised for its platform, with the platform's own id.

Each platform has one form of link kept (tracking parameters and other forms dropped), so the same
post recorded twice, from whichever form of its link, is one post:

- instagram: instagram.com/p/, /reel/, /reels/, /tv/ (also after a user name) and
  /stories/<user>/<id>; kept as https://www.instagram.com/p/<code>/ (reel/, tv/, stories/ as
  given); the external id is the shortcode (a story's: its number).
- tiktok: tiktok.com/@<user>/video/<id> or /photo/<id>; kept as
  https://www.tiktok.com/@<user>/video/<id>; the number.
- youtube: youtube.com/watch?v=, /shorts/, /live/, /embed/ and youtu.be/; kept as
  https://www.youtube.com/watch?v=<id> (shorts: /shorts/<id>); the 11-character id.
- x: x.com or twitter.com/<user>/status/<id>; kept as https://x.com/<user>/status/<id>; the number.

Short links (vm.tiktok.com, t.co) name no post until followed: the full link is asked for.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

from compliance import Finding
from servicekit.errors import InvalidField

_IG_CODE = re.compile(r"^[A-Za-z0-9_-]{5,64}$")
_DIGITS = re.compile(r"^\d{5,25}$")
_YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,64}$")
_HOSTS = {
    "instagram": {"instagram.com", "m.instagram.com"},
    "tiktok": {"tiktok.com", "m.tiktok.com"},
    "youtube": {"youtube.com", "m.youtube.com", "youtu.be", "music.youtube.com"},
    "x": {"x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"},
}
_SHORT_HOSTS = {"vm.tiktok.com", "vt.tiktok.com", "t.co", "instagr.am"}


@dataclass(frozen=True)
class PostLink:
    platform: str
    url: str
    external_id: str


def normalise(platform: str, url: str, field: str = "body.url") -> PostLink:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise InvalidField(field, "an http(s) link to the post")
    if host in _SHORT_HOSTS:
        raise InvalidField(field, "a short link names no post until it is followed: give the post's full link")
    if host not in _HOSTS.get(platform, set()):
        raise InvalidField(field, f"not a {platform} link (host {host})")
    segments = [s for s in parts.path.split("/") if s]
    link = {"instagram": _instagram, "tiktok": _tiktok, "youtube": _youtube, "x": _x}[platform](
        host, segments, parts.query
    )
    if link is None:
        raise InvalidField(field, f"not a link to one {platform} post")
    return link


def _instagram(host: str, segments: list[str], query: str) -> PostLink | None:
    if len(segments) >= 3 and segments[0] == "stories" and _HANDLE.match(segments[1]) and _DIGITS.match(segments[2]):
        return PostLink("instagram", f"https://www.instagram.com/stories/{segments[1]}/{segments[2]}/", segments[2])
    if len(segments) >= 3 and segments[1] in ("p", "reel", "reels", "tv") and _HANDLE.match(segments[0]):
        segments = segments[1:]  # instagram.com/<user>/p/<code>/
    if len(segments) >= 2 and segments[0] in ("p", "reel", "reels", "tv") and _IG_CODE.match(segments[1]):
        kind = "reel" if segments[0] == "reels" else segments[0]
        return PostLink("instagram", f"https://www.instagram.com/{kind}/{segments[1]}/", segments[1])
    return None


def _tiktok(host: str, segments: list[str], query: str) -> PostLink | None:
    if len(segments) >= 3 and segments[0].startswith("@") and segments[1] in ("video", "photo"):
        user, number = segments[0][1:], segments[2]
        if _HANDLE.match(user) and _DIGITS.match(number):
            return PostLink("tiktok", f"https://www.tiktok.com/@{user}/video/{number}", number)
    return None


def _youtube(host: str, segments: list[str], query: str) -> PostLink | None:
    video_id = None
    shorts = False
    if host == "youtu.be" and segments:
        video_id = segments[0]
    elif segments[:1] == ["watch"]:
        video_id = (parse_qs(query).get("v") or [""])[0]
    elif len(segments) >= 2 and segments[0] in ("shorts", "live", "embed"):
        video_id, shorts = segments[1], segments[0] == "shorts"
    if not video_id or not _YT_ID.match(video_id):
        return None
    url = f"https://www.youtube.com/shorts/{video_id}" if shorts else f"https://www.youtube.com/watch?v={video_id}"
    return PostLink("youtube", url, video_id)


def _x(host: str, segments: list[str], query: str) -> PostLink | None:
    if len(segments) >= 3 and segments[1] == "status" and _HANDLE.match(segments[0]) and _DIGITS.match(segments[2]):
        return PostLink("x", f"https://x.com/{segments[0]}/status/{segments[2]}", segments[2])
    return None


@dataclass(frozen=True)
class LivePost:
    """What is live, as the creator or a platform connector reports it."""

    link: PostLink
    published_at: datetime
    caption: str | None = None


@dataclass(frozen=True)
class Post:
    id: UUID
    tenant_id: UUID
    deliverable_id: UUID
    platform: str
    url: str
    external_id: str
    published_at: datetime
    recorded_at: datetime
    recorded_by: UUID | None
    source: str
    live_caption: str | None
    findings: tuple[Finding, ...]
