"""A posts file's records read as posts: which column holds what (by its header), instaloader's
post JSON flattened to the same fields, and each value checked.

A record that cannot be a post (no handle, no post id, no readable time) is rejected with the
field at fault; an unreadable optional figure is read as empty and warned of, as in the profile
import. Which profile a post belongs to is not known here: the import looks its handle up."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from discovery.domain.column_mapping import ColumnChoice, ColumnMapping, header_keys, parse_platform
from discovery.domain.limits import MAX_COUNT, NUL, NUL_REFUSED, count_too_large
from discovery.domain.numbers import NumberFormatError, is_sheet_error, parse_count
from discovery.domain.posts import MAX_CAPTION, MAX_POST_BRANDS, MAX_POST_ID, MediaType
from discovery.domain.profiles import Platform, normalize_handle
from discovery.domain.row_values import RowError, read_text
from servicekit.errors import InvalidField

# Field -> header spellings as header_key reads them (lower case, letters and digits only).
POST_FIELDS: dict[str, tuple[str, ...]] = {
    "handle": ("handle", "username", "account", "owner", "ownerusername", "author", "creator", "influencer", "user"),
    "platform": ("platform", "network", "site"),
    "post_id": ("postid", "id", "shortcode", "mediaid", "videoid", "code", "post"),
    "url": ("url", "link", "posturl", "permalink", "postlink", "weburl", "videourl"),
    "posted_at": (
        "time", "postedat", "posted", "takenat", "takenattimestamp", "date", "timestamp", "publishedat",
        "published", "createdat", "createtime", "datetime", "posttime", "postdate",
    ),
    "caption": ("caption", "text", "description", "title", "body"),
    "media_type": ("mediatype", "type", "format", "producttype", "kind", "typename"),
    "likes": ("likes", "likecount", "likescount", "hearts", "diggcount", "reactions"),
    "comments": ("comments", "commentcount", "commentscount", "replies"),
    "views": ("views", "viewcount", "viewscount", "videoviewcount", "plays", "playcount", "impressions"),
    "shares": ("shares", "sharecount", "sharescount", "reposts", "retweets"),
    "saves": ("saves", "savecount", "savescount", "saved", "bookmarks", "collectcount"),
    "paid_partnership": (
        "paidpartnership", "paidpartnershiplabel", "ispaidpartnership", "sponsored", "issponsored", "ad", "isad",
        "brandedcontent", "paid", "partnership",
    ),
    "sponsor_tags": ("sponsortags", "sponsors", "sponsorusers", "brandpartners", "partners"),
}  # fmt: skip
COUNT_FIELDS = ("likes", "comments", "views", "shares", "saves")
_SPELLINGS = {spelling: name for name, spellings in POST_FIELDS.items() for spelling in spellings}

_MEDIA_SPELLINGS: dict[str, MediaType] = {
    **{m.value: m for m in MediaType},
    "photo": MediaType.IMAGE,
    "graphimage": MediaType.IMAGE,
    "graphvideo": MediaType.VIDEO,
    "graphsidecar": MediaType.CAROUSEL,
    "sidecar": MediaType.CAROUSEL,
    "album": MediaType.CAROUSEL,
    "clips": MediaType.REEL,
    "igtv": MediaType.VIDEO,
    "shorts": MediaType.SHORT,
    "post": MediaType.IMAGE,
}
_TRUE = frozenset({"true", "yes", "y", "1", "paid", "paidpartnership", "sponsored", "ad", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "organic", "none", ""})
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{1,100})")
# Compiled once: re's cache lookup per call was a tenth of reading a row.
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_TAG_SEPARATORS = re.compile(r"[,;|\s]+")
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")


def map_post_columns(columns: Sequence[str], given: Mapping[str, str | None]) -> ColumnMapping:
    """Which column feeds each post field: the caller's mapping first (field -> column, or None to
    read nothing), then each header by its spellings (the first column to claim a field keeps it)."""
    unknown = [f for f in given if f not in POST_FIELDS]
    if unknown:
        raise RowError("mapping", f"unknown fields {', '.join(unknown)}; known: {', '.join(POST_FIELDS)}")
    missing = [c for c in given.values() if c is not None and c not in columns]
    if missing:
        raise RowError("mapping", f"no column named {', '.join(map(repr, missing))} in the file")
    fields = {f: c for f, c in given.items() if c is not None}
    chosen = set(fields.values())
    choices: list[ColumnChoice] = [ColumnChoice(c, f, 1.0, "given in the mapping") for f, c in fields.items()]
    for column in columns:
        if column in chosen:
            continue
        field = next((_SPELLINGS[k] for k in header_keys(column) if k in _SPELLINGS), None)
        if field is None or field in fields or field in given:
            choices.append(ColumnChoice(column, None, 0.5, "no post field has this header"))
            continue
        fields[field] = column
        chosen.add(column)
        choices.append(ColumnChoice(column, field, 0.95, f"the header {column!r} names {field}"))
    unmapped = [c for c in columns if c not in chosen]
    return ColumnMapping(fields=fields, unmapped=unmapped, choices=tuple(choices))


def _at(value: Any, *path: str | int) -> Any:
    """The value at `path` in nested objects and lists, or None where the JSON has another shape."""
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and len(value) > step else None
        else:
            value = value.get(step) if isinstance(value, Mapping) else None
        if value is None:
            return None
    return value


def _node(record: Mapping[str, Any]) -> Mapping[str, Any]:
    node = record.get("node", record)
    return node if isinstance(node, Mapping) else {}


def is_instaloader(record: Mapping[str, Any]) -> bool:
    node = _node(record)
    return "shortcode" in node and ("owner" in node or "taken_at_timestamp" in node)


_LIKE_EDGES = ("edge_media_preview_like", "edge_liked_by")
_COMMENT_EDGES = ("edge_media_to_parent_comment", "edge_media_to_comment", "edge_media_preview_comment")


def from_instaloader(record: Mapping[str, Any]) -> dict[str, Any]:
    """The post fields of a post's JSON as instaloader saves it (the GraphQL node, bare or under
    `node`): owner.username, shortcode, taken_at_timestamp, the first caption edge, the like and
    comment counts, is_video and video_view_count, the sponsors it tags. A part of another shape
    than Instagram's is read as missing."""
    node = _node(record)
    edges = _at(node, "edge_media_to_sponsor_user", "edges")
    sponsors = [_at(e, "node", "sponsor", "username") for e in edges] if isinstance(edges, list) else []
    video = node.get("is_video") is True
    media = "clips" if node.get("product_type") == "clips" else node.get("__typename")
    return {
        "handle": _at(node, "owner", "username"),
        "platform": Platform.INSTAGRAM.value,
        "post_id": node.get("shortcode"),
        "posted_at": node.get("taken_at_timestamp"),
        "caption": _at(node, "edge_media_to_caption", "edges", 0, "node", "text"),
        "media_type": media or ("GraphVideo" if video else None),
        "likes": next((c for e in _LIKE_EDGES if (c := _at(node, e, "count")) is not None), None),
        "comments": next((c for e in _COMMENT_EDGES if (c := _at(node, e, "count")) is not None), None),
        "views": node.get("video_view_count") if video else None,
        "paid_partnership": node.get("is_paid_partnership"),
        "sponsor_tags": [s for s in sponsors if isinstance(s, str) and s],
    }


INSTALOADER_MAPPING = ColumnMapping(fields={f: f for f in POST_FIELDS}, unmapped=[])


@dataclass(frozen=True, slots=True)
class ParsedPost:
    platform: Platform
    handle: str
    post_id: str
    posted_at: datetime
    url: str | None
    caption: str | None
    media_type: MediaType | None
    likes: int | None
    comments: int | None
    views: int | None
    shares: int | None
    saves: int | None
    paid_partnership: bool | None
    sponsor_tags: tuple[str, ...]
    mentions: tuple[str, ...]


# Each pattern with a text it cannot match without: most URLs are searched by none of them.
_URL_IDS = (
    (
        "instagram.com/",
        re.compile(r"instagram\.com/(?:[^/]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)"),
        Platform.INSTAGRAM,
    ),
    ("tiktok.com/@", re.compile(r"tiktok\.com/@[^/]+/video/(\d+)"), Platform.TIKTOK),
    ("youtube.com/shorts/", re.compile(r"youtube\.com/shorts/([A-Za-z0-9_-]+)"), Platform.YOUTUBE),
    ("youtu.be/", re.compile(r"youtu\.be/([A-Za-z0-9_-]+)"), Platform.YOUTUBE),
    ("/status/", re.compile(r"(?:twitter|x)\.com/[^/]+/status/(\d+)"), Platform.X),
)
# A plain http(s) URL in ASCII, without the blanks, brackets and controls urlsplit treats apart:
# its host and path, as urlsplit finds them, at a tenth of its cost.
_WEB_URL = re.compile(r"https?://([^/?#\[\]\x00-\x20\x7f]*)(/[^?#\x00-\x20\x7f]*)?(?:[?#][^\x00-\x20\x7f]*)?", re.I)


def post_id_from_url(url: str) -> tuple[str, Platform | None]:
    """The platform's id of the post a URL shows (an Instagram shortcode, a TikTok or X id, a
    YouTube video id), else the URL itself without its scheme, query and trailing slash."""
    for text, pattern, platform in _URL_IDS:
        if text in url:
            match = pattern.search(url)
            if match:
                return match.group(1), platform
    web = _WEB_URL.fullmatch(url) if url.isascii() else None
    if web is not None and not web.group(1).endswith("youtube.com"):
        return f"{web.group(1)}{web.group(2) or ''}".rstrip("/").lower(), None
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
    except ValueError:  # not a URL after all (`[x]` reads as a bad IPv6 host)
        return url.strip().rstrip("/").lower(), None
    if parts.netloc.endswith("youtube.com") and "v" in parse_qs(parts.query):
        return parse_qs(parts.query)["v"][0], Platform.YOUTUBE
    return f"{parts.netloc}{parts.path}".rstrip("/").lower(), None


def mentions_in(caption: str | None) -> list[str]:
    return [m.rstrip(".").lower() for m in _MENTION.findall(caption or "")]


class PostRowParser:
    """Reads records by a mapping (map_post_columns, or instaloader's fields) into ParsedPost."""

    def __init__(self, mapping: ColumnMapping, *, platform: Platform | None) -> None:
        self.columns = dict(mapping.fields)
        self.platform = platform

    def _cell(self, values: Mapping[str, Any], field: str) -> Any:
        column = self.columns.get(field)
        return values.get(column) if column is not None else None

    def parse(self, values: Mapping[str, Any]) -> tuple[ParsedPost, list[tuple[str, str, str]]]:
        """The post and the warnings of its cells (column, field, reason); RowError if it cannot be one."""
        warned: list[tuple[str, str, str]] = []
        url = _text(self._cell(values, "url"), "url")
        written_id = _text(self._cell(values, "post_id"), "post_id")
        from_url, url_platform = post_id_from_url(url) if url else (None, None)
        if written_id is not None and "/" in written_id:
            url = url or written_id
            written_id, url_platform = post_id_from_url(written_id)
        post_id = written_id or from_url
        if not post_id:
            raise RowError("post_id", "no post id or URL")
        if len(post_id) > MAX_POST_ID:
            raise RowError("post_id", f"at most {MAX_POST_ID} characters")
        platform = self._platform(values) or url_platform or self.platform
        if platform is None:
            raise RowError("platform", "no platform: give a platform column, a post URL or ?platform=")
        handle_text = _text(self._cell(values, "handle"), "handle")
        if handle_text is None:
            raise RowError("handle", "no handle")
        if is_sheet_error(handle_text):
            raise RowError("handle", f"{handle_text!r} is a spreadsheet error")
        try:
            handle = normalize_handle(handle_text)
        except InvalidField as exc:
            raise RowError("handle", exc.message) from None
        caption = _text(self._cell(values, "caption"), "caption")
        if caption is not None and len(caption) > MAX_CAPTION:
            caption = caption[:MAX_CAPTION]
            warned.append((self.columns["caption"], "caption", f"cut to its first {MAX_CAPTION} characters"))
        counts = {name: self._count(values, name, warned) for name in COUNT_FIELDS}
        sponsors = self._sponsors(values)
        mentions = list(dict.fromkeys([*mentions_in(caption), *sponsors]))[:MAX_POST_BRANDS]
        return (
            ParsedPost(
                platform=platform,
                handle=handle,
                post_id=post_id,
                posted_at=self._time(values),
                url=url,
                caption=caption,
                media_type=self._media(values, warned),
                paid_partnership=self._label(values, warned),
                sponsor_tags=tuple(sponsors),
                mentions=tuple(mentions),
                **counts,
            ),
            warned,
        )

    def _platform(self, values: Mapping[str, Any]) -> Platform | None:
        raw = _text(self._cell(values, "platform"), "platform")
        if raw is None:
            return None
        try:
            return parse_platform(raw)
        except ValueError as exc:
            raise RowError("platform", str(exc)) from None

    def _time(self, values: Mapping[str, Any]) -> datetime:
        raw = self._cell(values, "posted_at")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise RowError("posted_at", "no time")
        try:
            parsed = _parse_time(raw)
            at = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except (ValueError, OverflowError, OSError):
            raise RowError("posted_at", f"{raw!r} is not a time (ISO 8601, or seconds since 1970)") from None
        if not 1970 <= at.year <= 2999:
            raise RowError("posted_at", f"{raw!r} is not a time we can store (years 1970-2999)")
        return at

    def _count(self, values: Mapping[str, Any], field: str, warned: list[tuple[str, str, str]]) -> int | None:
        raw = self._cell(values, field)
        if raw is None or isinstance(raw, bool):
            return None
        try:
            count = parse_count(raw)
        except NumberFormatError as exc:
            warned.append((self.columns[field], field, str(exc)))
            return None
        if count is not None and count > MAX_COUNT:
            raise RowError(field, count_too_large(count))
        return count

    def _media(self, values: Mapping[str, Any], warned: list[tuple[str, str, str]]) -> MediaType | None:
        raw = _text(self._cell(values, "media_type"), "media_type")
        if raw is None:
            return None
        found = _MEDIA_SPELLINGS.get(_NOT_LETTER.sub("", raw.lower()))
        if found is None:
            warned.append((self.columns["media_type"], "media_type", f"{raw!r} is not a media type we know"))
        return found

    def _label(self, values: Mapping[str, Any], warned: list[tuple[str, str, str]]) -> bool | None:
        raw = self._cell(values, "paid_partnership")
        if raw is None or isinstance(raw, bool):
            return raw
        text = _NOT_ALNUM.sub("", str(raw).lower())
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        warned.append((self.columns["paid_partnership"], "paid_partnership", f"{raw!r} is not yes or no"))
        return None

    def _sponsors(self, values: Mapping[str, Any]) -> list[str]:
        raw = self._cell(values, "sponsor_tags")
        if not raw:  # most rows
            return []
        items = raw if isinstance(raw, list) else _TAG_SEPARATORS.split(str(raw))
        tags = dict.fromkeys(str(i).strip().lstrip("@").lower() for i in items)
        return [t for t in tags if t and NUL not in t][:MAX_POST_BRANDS]


def _text(value: Any, field: str) -> str | None:
    text = read_text(value)
    if text is not None and NUL in text:
        raise RowError(field, NUL_REFUSED)
    return text


def _parse_time(raw: Any) -> datetime:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        seconds = raw / 1000 if raw > 10**11 else raw  # milliseconds, as some exports write them
        return datetime.fromtimestamp(seconds, UTC)
    text = str(raw).strip()
    if _EPOCH.fullmatch(text):
        return _parse_time(float(text))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
