"""Reading influencer exports as users have them: CSV, TSV or NDJSON, UTF-8 (with or without BOM),
UTF-16 or Latin-1, headers as each tool names them, numbers as people write them."""

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

import orjson

from discovery.domain.limits import (
    MAX_BIO,
    MAX_CONTACT,
    MAX_COUNT,
    MAX_DISPLAY_NAME,
    MAX_SPONSORS,
    NUL,
    NUL_REFUSED,
    amount_too_large,
    count_too_large,
)
from discovery.domain.numbers import (
    MISSING,
    NumberFormatError,
    is_missing,
    parse_average,
    parse_count,
    parse_money,
    parse_number,
    parse_rate,
)
from discovery.domain.places import UnknownPlace, normalize_country, normalize_language, repair_mojibake
from discovery.domain.profiles import (
    AGE_BUCKETS,
    PLATFORMS,
    Audience,
    Contact,
    Deliverable,
    Platform,
    ProfileFacts,
    RateCard,
    normalize_categories,
    normalize_handle,
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

_RATE_FIELDS = tuple(f"rate_card.{d.value}" for d in Deliverable)

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


class RowError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


_FOLLOWERS = frozenset({"followers"})


class ParsedRow(NamedTuple):
    facts: ProfileFacts
    # The facts the row states: an import changes only these on an existing profile.
    stated: frozenset[str]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        if is_missing(value):
            return None
        value = str(value)
    text = value.strip()
    if not text or (len(text) < 8 and text.lower() in MISSING):
        return None
    return repair_mojibake(text)


def _split_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if not is_missing(v)]
    text = _text(value)
    if text is None:
        return []
    return [part for part in _LIST_SEPARATORS.split(text) if part.strip()]


_LIST_SEPARATORS = re.compile(r"[,;|]")
_AGE_SPELLINGS = {b.replace(" ", ""): b for b in AGE_BUCKETS}
_GENDER_SPELLINGS = {"f": "female", "women": "female", "woman": "female", "m": "male", "men": "male", "man": "male"}


def _share(raw: Any) -> float | None:
    """A share as parse_rate reads it; a plain fraction (`0.354`) without the general path."""
    if isinstance(raw, str):
        try:
            share = float(raw)
        except ValueError:
            return parse_rate(raw)
        return share if 0.0 <= share <= 1.0 else parse_rate(raw)
    return parse_number(raw)


def _shares(value: Any, field: str, *, keys: str) -> dict[str, float]:
    """`US:40%;GB:0.2` or a JSON object; country keys become ISO codes."""
    if isinstance(value, str):
        fast = _plain_shares(value, keys)
        if fast is not None:
            return fast
    return _any_shares(value, field, keys=keys)


def _any_shares(value: Any, field: str, *, keys: str) -> dict[str, float]:
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = []
        for part in _split_list(value):
            if "=" in part:
                part = part.replace("=", ":")
            elif ":" not in part:
                raise RowError(field, f"{part.strip()!r} is not segment:share")
            key, _, share = part.rpartition(":")
            pairs.append((key.strip(), share.strip()))
    shares: dict[str, float] = {}
    for key, raw_share in pairs:
        try:
            share = _share(raw_share)
        except NumberFormatError as exc:
            raise RowError(f"{field}.{key}", str(exc)) from None
        if share is None:
            continue
        if keys == "country":
            try:
                code = normalize_country(key)
            except UnknownPlace as exc:
                raise RowError(field, str(exc)) from None
            if code is not None:
                shares[code] = shares.get(code, 0.0) + share
        else:
            shares[_segment(str(key), keys)] = share
    return shares


def _segment(key: str, keys: str) -> str:
    segment = key.strip().lower()
    if keys == "age":
        return _AGE_SPELLINGS.get(segment.replace(" ", ""), segment)
    if keys == "gender":
        return _GENDER_SPELLINGS.get(segment, segment)
    return segment


# Segment spellings already read, per kind of key: exports repeat a handful of them on every row.
_KNOWN_SEGMENTS: dict[str, dict[str, str]] = {"country": {}, "age": {}, "gender": {}}


def _plain_shares(value: str, keys: str) -> dict[str, float] | None:
    """The common form (`US:0.354;GB:0.2`: known segments, plain fractions, none twice) in one
    pass; None for anything else, which the general path reads and, if need be, refuses."""
    known = _KNOWN_SEGMENTS[keys]
    shares: dict[str, float] = {}
    for part in _LIST_SEPARATORS.split(value):
        key, colon, raw_share = part.rpartition(":")
        segment = known.get(key)
        if segment is None:
            if not colon or "=" in key or not key.strip():
                return None
            segment = _learn_segment(known, key, keys)
            if segment is None:
                return None
        try:
            share = float(raw_share)
        except ValueError:
            return None
        if not 0.0 <= share <= 1.0 or segment in shares:
            return None
        shares[segment] = share
    return shares


def _learn_segment(known: dict[str, str], key: str, keys: str) -> str | None:
    """The segment a key as written names (remembered), or None if it names none."""
    if keys == "country":
        try:
            segment = normalize_country(key.strip())
        except UnknownPlace:
            return None
    else:
        segment = _segment(key, keys)
    if segment is not None and len(known) < 1024:
        known[key] = segment
    return segment


_COUNT_FACTS = ("following", "posts")
_AVERAGE_FACTS = ("avg_likes", "avg_comments", "avg_views", "avg_shares", "avg_engagements")
_AUDIENCE_FIELDS = ("audience", "audience_countries", "audience_ages", "audience_genders")
_AUDIENCE_SOURCES = (("countries", "country"), ("ages", "age"), ("genders", "gender"))
_CONTACT_FIELDS = ("contact", "email", "phone", "website", "agent")
_CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")


class RowParser:
    """Turns one source record into profile facts, or raises RowError naming the bad field.

    Only the mapped fields are read, each through a column and a reader looked up once, not per
    row: imports parse hundreds of thousands of rows. Fields are read, and their errors reported,
    in a fixed order (platform, handle, followers, text, places, numbers, audience, prices...)."""

    def __init__(
        self, mapping: ColumnMapping, *, platform: Platform | None, currency: str, text_may_hold_nul: bool = True
    ) -> None:
        self.mapping = mapping.fields
        # Rows are checked for NUL characters only when their file holds any (few do).
        self._nul_check = text_may_hold_nul
        self.platform = platform
        self.currency = currency.upper()
        fields = self.mapping
        self._platform_column = fields.get("platform")
        self._handle_column = fields["handle"]
        self._followers_column = fields["followers"]
        self._name_column = fields.get("display_name")
        self._bio_column = fields.get("bio")
        self._categories_column = fields.get("categories")
        # Each with the cells already read: a file names a few hundred countries and languages.
        self._places: list[tuple[str, str, Callable[[object], str | None], dict[str, str]]] = [
            (name, fields[name], reader, {})
            for name, reader in (("country", normalize_country), ("language", normalize_language))
            if name in fields
        ]
        self._counts = [(name, fields[name]) for name in _COUNT_FACTS if name in fields]
        self._averages = [(name, fields[name]) for name in _AVERAGE_FACTS if name in fields]
        self._totals = [
            (total, average, fields[total])
            for total, average in (("total_likes", "avg_likes"), ("total_views", "avg_views"))
            if total in fields
        ]
        self._rate_column = fields.get("engagement_rate")
        self._audience_columns = (
            fields.get("audience"),
            *(fields.get(f"audience_{key}") for key, _ in _AUDIENCE_SOURCES),
        )
        self._audience_on = any(f in fields for f in _AUDIENCE_FIELDS)
        self._rate_fields = [(f, f.split(".", 1)[1], fields[f]) for f in _RATE_FIELDS if f in fields]
        self._rate_card_on = "rate_card" in fields or bool(self._rate_fields)
        self._sponsors_column = fields.get("past_sponsors")
        self._contact_on = any(f in fields for f in _CONTACT_FIELDS)
        self._refreshed_column = fields.get("last_refreshed_at")
        # Cells that repeat from row to row, read once: platforms and category lists.
        self._platforms: dict[str, Platform] = {}
        self._categories: dict[str, tuple[str, ...]] = {}

    def _cell(self, values: Mapping[str, Any], field: str) -> Any:
        column = self.mapping.get(field)
        return None if column is None else values.get(column)

    def parse(self, values: Mapping[str, Any]) -> ParsedRow:
        get = values.get
        facts: dict[str, Any] = {}

        raw_platform = None if self._platform_column is None else get(self._platform_column)
        if is_missing(raw_platform):
            if self.platform is None:
                raise RowError("platform", "missing")
            platform = self.platform
        else:
            platform = self._platform_of(raw_platform)
        handle_text = _text(get(self._handle_column))
        if handle_text is None:
            raise RowError("handle", "missing")
        try:
            handle = normalize_handle(handle_text)
        except InvalidField as exc:
            raise RowError("handle", exc.message) from None
        try:
            followers = parse_count(get(self._followers_column))
        except NumberFormatError as exc:
            raise RowError("followers", str(exc)) from None
        if followers is None:
            raise RowError("followers", "missing")
        if followers > MAX_COUNT:
            raise RowError("followers", count_too_large(followers))

        display_name = None if self._name_column is None else _text(get(self._name_column))
        if display_name or handle_text != handle:
            display_name = display_name or handle_text
            if len(display_name) > MAX_DISPLAY_NAME:
                raise RowError("display_name", f"{len(display_name)} characters; at most {MAX_DISPLAY_NAME}")
            facts["display_name"] = display_name
        if self._bio_column is not None:
            bio = _text(get(self._bio_column))
            if bio:
                facts["bio"] = bio[:MAX_BIO]
        if self._categories_column is not None:
            categories = self._categories_of(get(self._categories_column))
            if categories:
                facts["categories"] = categories
        for name, column, reader, known in self._places:
            raw = get(column)
            place = known.get(raw) if isinstance(raw, str) else None
            if place is None:
                try:
                    place = reader(raw)
                except UnknownPlace as exc:
                    raise RowError(name, str(exc)) from None
                if place is not None and isinstance(raw, str) and len(known) < 4096:
                    known[raw] = place
            if place is not None:
                facts[name] = place
        name = ""
        try:
            for name, column in self._counts:
                count = parse_count(get(column))
                if count is not None:
                    if count > MAX_COUNT:
                        raise RowError(name, count_too_large(count))
                    facts[name] = count
            for name, column in self._averages:
                average = parse_average(get(column))
                if average is not None:
                    facts[name] = average
            posts = facts.get("posts")
            for total_name, average_name, column in self._totals:
                name = total_name
                amount = parse_average(get(column))
                if average_name not in facts and amount is not None and posts:
                    facts[average_name] = amount / posts
            if self._rate_column is not None:
                name = "engagement_rate"
                rate = parse_rate(get(self._rate_column))
                if rate is not None:
                    facts["reported_engagement_rate"] = rate
        except NumberFormatError as exc:
            raise RowError(name, str(exc)) from None
        if self._audience_on:
            audience = self._audience(values)
            if audience is not None:
                facts["audience"] = audience
        if self._rate_card_on:
            card = self._rate_card(values)
            if card is not None:
                facts["rate_card"] = card
        if self._sponsors_column is not None:
            sponsors = tuple(s.strip() for s in _split_list(get(self._sponsors_column)))[:MAX_SPONSORS]
            if sponsors:
                facts["past_sponsors"] = sponsors
        if self._contact_on:
            contact = self._contact(values)
            if contact is not None:
                facts["contact"] = contact
        if self._refreshed_column is not None:
            refreshed = self._timestamp(values)
            if refreshed is not None:
                facts["last_refreshed_at"] = refreshed
        if self._nul_check:
            _refuse_nul(handle, facts)
        stated = frozenset(facts)
        try:
            return ParsedRow(facts=ProfileFacts.of(platform, handle, followers, facts), stated=stated | _FOLLOWERS)
        except InvalidField as exc:
            raise RowError(exc.field, exc.message) from None

    def _platform_of(self, raw: object) -> Platform:
        if isinstance(raw, str):
            known = self._platforms.get(raw)
            if known is not None:
                return known
        try:
            platform = parse_platform(raw)
        except ValueError as exc:
            raise RowError("platform", str(exc)) from None
        if isinstance(raw, str) and len(self._platforms) < 64:
            self._platforms[raw] = platform
        return platform

    def _categories_of(self, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):
            known = self._categories.get(raw)
            if known is not None:
                return known
        try:
            categories = normalize_categories(_split_list(raw))
        except InvalidField as exc:
            raise RowError("categories", exc.message) from None
        if isinstance(raw, str):
            if len(self._categories) >= 32_768:
                self._categories.clear()
            self._categories[raw] = categories
        return categories

    def _audience(self, values: Mapping[str, Any]) -> Audience | None:
        nested_column, *columns = self._audience_columns
        nested = None if nested_column is None else values.get(nested_column)
        parsed: dict[str, dict[str, float]] = {}
        for (key, kind), column in zip(_AUDIENCE_SOURCES, columns, strict=True):
            value = None if column is None else values.get(column)
            if value is None and isinstance(nested, dict):
                value = nested.get(key)
            if not is_missing(value):
                parsed[key] = _shares(value, f"audience.{key}", keys=kind)
        if not any(parsed.values()):
            return None
        try:
            return Audience(**parsed)
        except InvalidField as exc:
            raise RowError(exc.field, exc.message) from None

    def _rate_card(self, values: Mapping[str, Any]) -> RateCard | None:
        currency = _text(self._cell(values, "currency")) or self.currency
        if currency != self.currency and not _CURRENCY_CODE.fullmatch(currency):
            raise RowError("currency", f"{currency!r} is not an ISO 4217 code")
        prices: dict[str, tuple[int, str]] = {}
        nested = self._cell(values, "rate_card")
        if isinstance(nested, dict):
            for deliverable, price in nested.items():
                amount = price.get("amount_minor") if isinstance(price, dict) else None
                field = f"rate_card.{deliverable}"
                if amount is not None:
                    prices[str(deliverable)] = _minor_units(field, amount, price.get("currency", currency))
                    continue
                try:
                    money = parse_money(price, currency)
                except NumberFormatError as exc:
                    raise RowError(field, str(exc)) from None
                if money is not None:
                    prices[str(deliverable)] = _checked_money(field, money, price)
        for field, deliverable, column in self._rate_fields:
            try:
                money = parse_money(values.get(column), currency)
            except NumberFormatError as exc:
                raise RowError(field, str(exc)) from None
            if money is not None:
                prices[deliverable] = _checked_money(field, money, values.get(column))
        if not prices:
            return None
        currencies = {c for _, c in prices.values()}
        if len(currencies) > 1:
            raise RowError("rate_card", f"prices in several currencies ({', '.join(sorted(currencies))}); use one")
        try:
            return RateCard(currency=currencies.pop(), prices={k: amount for k, (amount, _) in prices.items()})
        except InvalidField as exc:
            raise RowError(exc.field, exc.message) from None

    def _contact(self, values: Mapping[str, Any]) -> Contact | None:
        nested = self._cell(values, "contact")
        fields = dict(nested) if isinstance(nested, dict) else {}
        for name in ("email", "phone", "website", "agent"):
            value = _text(self._cell(values, name))
            if value is not None:
                fields[name] = value
        if isinstance(nested, str) and "@" in nested and "email" not in fields:
            fields["email"] = nested.strip()
        contact = Contact(
            **{k: str(v)[:MAX_CONTACT] for k, v in fields.items() if k in Contact.__dataclass_fields__ and v}
        )
        return contact if contact.as_dict() else None

    def _timestamp(self, values: Mapping[str, Any]) -> datetime | None:
        text = _text(self._cell(values, "last_refreshed_at"))
        if text is None:
            return None
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
            except ValueError:
                raise RowError("last_refreshed_at", f"{text!r} is not an ISO 8601 date or time") from None
        try:
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except OverflowError:
            raise RowError("last_refreshed_at", f"{text!r} is not a time we can store") from None


def _minor_units(field: str, amount: object, currency: object) -> tuple[int, str]:
    """A price given as `{"amount_minor": 9900, "currency": "EUR"}`."""
    code = str(currency).upper()
    if not _CURRENCY_CODE.fullmatch(code):
        raise RowError(field, f"{code!r} is not an ISO 4217 code")
    try:
        minor = int(amount)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        raise RowError(field, f"{amount!r} is not an amount in minor units") from None
    return _checked_money(field, (minor, code), amount)


def _checked_money(field: str, money: tuple[int, str], written: object) -> tuple[int, str]:
    if money[0] > MAX_COUNT:
        raise RowError(field, amount_too_large(written))
    return money


def _refuse_nul(handle: str, facts: Mapping[str, Any]) -> None:
    """The first text fact holding a NUL character, as a RowError."""
    if NUL in handle:
        raise RowError("handle", NUL_REFUSED)
    for name in ("display_name", "bio"):
        if NUL in (facts.get(name) or ""):
            raise RowError(name, NUL_REFUSED)
    for name in ("categories", "past_sponsors"):
        if any(NUL in item for item in facts.get(name, ())):
            raise RowError(name, NUL_REFUSED)
    contact = facts.get("contact")
    if contact is not None and any(NUL in value for value in contact.as_dict().values()):
        raise RowError("contact", NUL_REFUSED)


def merge(existing: ProfileFacts, row: ParsedRow) -> ProfileFacts:
    """An import states some facts; the others keep what the profile had."""
    return existing.with_changes(**{name: getattr(row.facts, name) for name in row.stated})
