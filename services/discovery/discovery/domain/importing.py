"""Reading influencer exports as users have them: CSV, TSV or NDJSON, UTF-8 (with or without BOM),
UTF-16 or Latin-1, headers as each tool names them, numbers as people write them."""

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

import orjson

from discovery.domain.profiles import (
    PLATFORMS,
    Deliverable,
    Platform,
)
from servicekit.errors import InvalidField

csv.field_size_limit(1 << 20)


class ImportFormat(StrEnum):
    CSV = "csv"
    TSV = "tsv"
    NDJSON = "ndjson"


CONTENT_TYPES = {
    "text/csv": ImportFormat.CSV,
    "application/csv": ImportFormat.CSV,
    "text/tab-separated-values": ImportFormat.TSV,
    "application/x-ndjson": ImportFormat.NDJSON,
    "application/ndjson": ImportFormat.NDJSON,
    "application/jsonl": ImportFormat.NDJSON,
    "application/x-jsonlines": ImportFormat.NDJSON,
}
EXTENSIONS = {
    ".csv": ImportFormat.CSV,
    ".tsv": ImportFormat.TSV,
    ".tab": ImportFormat.TSV,
    ".ndjson": ImportFormat.NDJSON,
    ".jsonl": ImportFormat.NDJSON,
}

RATE_FIELDS = tuple(f"rate_card.{d.value}" for d in Deliverable)

# Canonical field -> header spellings, compared after `header_key` (lower case, letters and digits
# only: `#Followers` is `followers`, `Eng. (Avg.)` is `engavg`). Earlier spellings win.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "platform": ("platform", "network", "socialnetwork", "socialplatform", "site"),
    "handle": (
        "handle",
        "username",
        "user",
        "screenname",
        "account",
        "accountname",
        "channelinfo",
        "channelhandle",
        "youtuber",
        "channel",
        "creator",
        "influencer",
        "login",
        "instagramhandle",
        "tiktokhandle",
        "twitterhandle",
    ),
    "display_name": ("displayname", "name", "fullname", "title", "channelname", "channeltitle", "influencername"),
    "bio": ("bio", "biography", "description", "about", "profiledescription"),
    "categories": ("categories", "category", "niche", "niches", "topics", "topic", "genre", "vertical"),
    "country": ("country", "countryname", "location", "homecountry", "countrycode", "nationality"),
    "language": ("language", "lang", "languages"),
    "followers": (
        "followers",
        "followerscount",
        "followercount",
        "subscribers",
        "subscriberscount",
        "subs",
        "fans",
        "audiencesize",
        "totalfollowers",
    ),
    "following": ("following", "followingcount", "follows", "followings"),
    "posts": ("posts", "postscount", "postcount", "uploads", "videos", "videocount", "mediacount", "tweets"),
    "avg_likes": ("avglikes", "averagelikes", "likesavg", "likesperpost", "avglike", "meanlikes"),
    "avg_comments": ("avgcomments", "averagecomments", "commentsavg", "commentsperpost", "meancomments"),
    "avg_views": ("avgviews", "averageviews", "viewsavg", "viewsperpost", "avgvideoviews", "meanviews"),
    "avg_shares": ("avgshares", "averageshares", "sharesavg", "sharesperpost"),
    "avg_engagements": (
        "engavg",
        "avgeng",
        "avgengagement",
        "avgengagements",
        "averageengagement",
        "averageengagements",
        "engagementsperpost",
        "engagementsavg",
        "avginteractions",
    ),
    "engagement_rate": (
        "engagementrate",
        "engrate",
        "er",
        "erate",
        "avgengagementrate",
        "engagementratepercent",
        "engagementratepct",
        "engagement",
    ),
    "total_likes": ("totallikes", "likestotal", "likes"),
    "total_views": ("videoviews", "totalviews", "viewstotal", "views"),
    "email": ("email", "contactemail", "mail", "emailaddress"),
    "phone": ("phone", "phonenumber", "telephone"),
    "website": ("website", "url", "link", "profileurl"),
    "agent": ("agent", "agency", "manager", "management"),
    "last_refreshed_at": ("lastrefreshedat", "lastrefreshed", "refreshedat", "lastupdated", "updatedat", "asof"),
    "past_sponsors": ("pastsponsors", "sponsors", "brands", "brandpartners", "pastbrands"),
    "audience_countries": ("audiencecountries", "audiencecountry", "topcountries"),
    "audience_ages": ("audienceages", "audienceage", "agebuckets"),
    "audience_genders": ("audiencegenders", "audiencegender", "gendersplit"),
    "audience": ("audience",),
    "rate_card": ("ratecard", "rates", "prices"),
    "contact": ("contact",),
    "currency": ("currency", "ratecurrency", "pricecurrency"),
    **{
        field: (f"rate{d}", f"price{d}", f"{d}price", f"{d}rate", f"cost{d}", f"{d}cost", f"rateper{d}", f"priceper{d}")
        for field, d in ((f"rate_card.{d.value}", d.value) for d in Deliverable)
    },
}
FIELDS = tuple(FIELD_ALIASES)
_WINDOWED_RATE = re.compile(r"^\d+d(ays?)?(eng|engagement)rate$")
_PLATFORM_ALIASES = {
    "ig": Platform.INSTAGRAM,
    "insta": Platform.INSTAGRAM,
    "yt": Platform.YOUTUBE,
    "twitter": Platform.X,
    "tt": Platform.TIKTOK,
    "blogs": Platform.BLOG,
    "website": Platform.BLOG,
}


def header_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.strip().lstrip("\ufeff").lower())


def parse_platform(raw: object) -> Platform:
    text = str(raw).strip().lower()
    found = PLATFORMS.get(text) or _PLATFORM_ALIASES.get(text)
    if found is None:
        raise ValueError(f"{raw!r} is not a platform; one of {', '.join(p.value for p in Platform)}")
    return found


def detect_format(content_type: str | None, filename: str | None, explicit: str | None) -> ImportFormat:
    if explicit:
        try:
            return ImportFormat(explicit.lower())
        except ValueError:
            raise InvalidField("format", "one of csv, tsv, ndjson") from None
    if filename:
        for extension, fmt in EXTENSIONS.items():
            if filename.lower().endswith(extension):
                return fmt
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type in CONTENT_TYPES:
        return CONTENT_TYPES[media_type]
    raise InvalidField(
        "format", "cannot tell the format: send text/csv, text/tab-separated-values or application/x-ndjson"
    )


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


class SourceRecord(NamedTuple):
    line: int
    values: Mapping[str, Any] | None
    problem: str | None = None


@dataclass(frozen=True)
class RecordSource:
    columns: list[str]
    records: Iterator[SourceRecord]


def read_records(text: str, fmt: ImportFormat) -> RecordSource:
    if fmt is ImportFormat.NDJSON:
        return _read_ndjson(text)
    return _read_delimited(text, "\t" if fmt is ImportFormat.TSV else ",")


def _read_delimited(text: str, delimiter: str) -> RecordSource:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    for row in reader:
        if any(cell.strip() for cell in row):
            header = [cell.strip() for cell in row]
            break

    def records() -> Iterator[SourceRecord]:
        width = len(header)
        last_line = reader.line_num
        for row in reader:
            line = last_line + 1
            last_line = reader.line_num
            if not (row and row[0].strip()) and not any(cell.strip() for cell in row):
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                yield SourceRecord(line, None, f"row: has {len(row)} cells, the header has {width}")
                continue
            yield SourceRecord(line, dict(zip(header, row, strict=False)))

    return RecordSource(header, records())


def _read_ndjson(text: str) -> RecordSource:
    lines = text.splitlines()
    columns: dict[str, None] = {}
    for raw in lines[:1000]:
        try:
            value = orjson.loads(raw) if raw.strip() else None
        except orjson.JSONDecodeError:
            continue
        if isinstance(value, dict):
            columns.update(dict.fromkeys(value))

    def records() -> Iterator[SourceRecord]:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield SourceRecord(number, None, f"line: not JSON (it breaks at character {exc.colno})")
                continue
            if not isinstance(value, dict):
                yield SourceRecord(number, None, "line: not a JSON object")
                continue
            yield SourceRecord(number, value)

    return RecordSource(list(columns), records())


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column feeds each canonical field, and the columns nothing reads."""

    fields: dict[str, str]
    unmapped: list[str]


def resolve_mapping(
    columns: Sequence[str], explicit: Mapping[str, str | None], *, platform_given: bool
) -> ColumnMapping:
    """Given mappings first (a column name, or null to leave a field unmapped), then automatic
    matching of the common header spellings. Raises InvalidField naming `mapping.<field>`."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(header_key(column), column)
    fields: dict[str, str] = {}
    disabled: set[str] = set()
    for field, column in explicit.items():
        if field not in FIELD_ALIASES:
            raise InvalidField(f"mapping.{field}", f"unknown field; one of {', '.join(FIELDS)}")
        if column is None:
            disabled.add(field)
            continue
        found = column if column in columns else by_key.get(header_key(column))
        if found is None:
            raise InvalidField(f"mapping.{field}", f"no column {column!r} in the file")
        fields[field] = found
    taken = set(fields.values())
    for field, aliases in FIELD_ALIASES.items():
        if field in fields or field in disabled:
            continue
        for alias in aliases:
            column = by_key.get(alias)
            if column is not None and column not in taken:
                fields[field] = column
                taken.add(column)
                break
    if "engagement_rate" not in fields and "engagement_rate" not in disabled:
        for column in columns:
            if column not in taken and _WINDOWED_RATE.match(header_key(column)):
                fields["engagement_rate"] = column
                taken.add(column)
                break
    if "handle" not in fields:
        raise InvalidField("mapping.handle", 'no column holds the handle; name it, e.g. mapping={"handle": "Username"}')
    if "followers" not in fields:
        raise InvalidField("mapping.followers", "no column holds the follower count; name it in mapping")
    if "platform" not in fields and not platform_given:
        raise InvalidField("platform", "the file has no platform column: give the platform of its profiles")
    return ColumnMapping(fields=fields, unmapped=[c for c in columns if c not in taken])
