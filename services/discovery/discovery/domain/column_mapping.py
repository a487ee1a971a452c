"""Which column of an export holds which fact: headers as each tool names them."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from discovery.domain.column_shapes import exact_share, handle_share, number_share, texts
from discovery.domain.facts import FACTS, NUMBER_KINDS
from discovery.domain.profiles import PLATFORMS, Deliverable, Platform
from servicekit.errors import InvalidField

RATE_FIELDS = tuple(f"rate_card.{d.value}" for d in Deliverable)

# Import fields that are parts of a fact (each of them, or the fact whole, may be given), and
# their header spellings.
PART_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "audience": {
        "audience_countries": ("audiencecountries", "audiencecountry", "topcountries"),
        "audience_ages": ("audienceages", "audienceage", "agebuckets"),
        "audience_genders": ("audiencegenders", "audiencegender", "gendersplit"),
    },
    "rate_card": {
        "currency": ("currency", "ratecurrency", "pricecurrency"),
        **{
            field: (
                f"rate{d}",
                f"price{d}",
                f"{d}price",
                f"{d}rate",
                f"cost{d}",
                f"{d}cost",
                f"rateper{d}",
                f"priceper{d}",
            )
            for field, d in ((f"rate_card.{d.value}", d.value) for d in Deliverable)
        },
    },
    "contact": {
        "email": ("email", "contactemail", "mail", "emailaddress"),
        "phone": ("phone", "phonenumber", "telephone"),
        "website": ("website", "url", "link", "profileurl"),
        "agent": ("agent", "agency", "manager", "management"),
    },
}


def _field_aliases() -> dict[str, tuple[str, ...]]:
    """Each fact as an import names it (domain/facts.py), with its header spellings; after it the
    import fields that give it in parts, or as a total."""
    aliases: dict[str, tuple[str, ...]] = {}
    for fact in FACTS:
        aliases[fact.called] = fact.aliases
        if fact.total is not None:
            total, spellings = fact.total
            aliases[total] = tuple(spellings.split())
        aliases.update(PART_ALIASES.get(fact.name, {}))
    return aliases


# Import field -> header spellings, compared after `header_key` (lower case, letters and digits
# only: `#Followers` is `followers`, `Eng. (Avg.)` is `engavg`). Earlier spellings win.
FIELD_ALIASES = _field_aliases()
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


@dataclass(frozen=True)
class ColumnChoice:
    """What the mapping makes of one column, and why: the import preview shows it."""

    column: str
    field: str | None  # None: nothing reads the column
    confidence: float
    reason: str
    samples: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column feeds each canonical field, and the columns nothing reads."""

    fields: dict[str, str]
    unmapped: list[str]
    # A field -> a second column of the same figure, checked against the mapped one (and read
    # when that one is empty).
    checks: dict[str, str] = dataclass_field(default_factory=dict)
    choices: tuple[ColumnChoice, ...] = ()


# Serial numbers and ranks: a row's place in the file, nothing about the profile.
_SERIALS = frozenset({"", "no", "sno", "srno", "slno", "serial", "serialno", "serialnumber", "rank", "ranking"})
_SERIAL_SHAPE = re.compile(r"^(?:row(?:cell|number|no|id)?|index|idx|position|pos|ranks?|\d*)$")
# Trailing words that say how a figure was counted, not what it is (`Subscribers count`).
_NOISE_WORDS = frozenset({"count", "counts", "number", "numbers", "mostly", "approx", "approximately"})
# The words of headers that name a profile, its handle or its name (`Tiktoker name`, `Youtube
# channel`, `Influencer insta name`): a header of these words only may hold either.
_IDENTITY_WORDS = frozenset({
    "name", "names", "handle", "user", "username", "account", "channel", "tiktoker", "youtuber", "instagrammer",
    "creator", "influencer", "insta", "instagram", "ig", "tiktok", "youtube", "yt", "twitter", "x", "twitch",
    "login", "screen", "profile", "of", "the", "s", "info", "id",
})  # fmt: skip
_NUMBER_FIELDS = frozenset(f.called for f in FACTS if f.kind in NUMBER_KINDS) | {
    f.total[0] for f in FACTS if f.total is not None
}
_DUPLICATE = re.compile(r" \[\d+\]$")


def header_keys(column: str) -> tuple[str, ...]:
    """The header as header_key reads it, then without trailing words of counting (`count`,
    `Numbers`), then without what is in brackets (`(mostly)`, a repeat's number), then both."""
    bare = _DUPLICATE.sub("", column).lower()
    words = re.findall(r"[a-z0-9]+", bare)
    outside = re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", bare))
    keys = [header_key(column)]
    for candidate in ("".join(_strip_noise(words)), "".join(outside), "".join(_strip_noise(outside))):
        if candidate and candidate not in keys:
            keys.append(candidate)
    return tuple(keys)


def _strip_noise(words: list[str]) -> list[str]:
    kept = list(words)
    while len(kept) > 1 and kept[-1] in _NOISE_WORDS:
        kept.pop()
    return kept


def resolve_mapping(
    columns: Sequence[str],
    explicit: Mapping[str, str | None],
    *,
    platform_given: bool,
    samples: Sequence[Mapping[str, Any]] = (),
    platform: Platform | None = None,
) -> ColumnMapping:
    """Given mappings first (a column name, or null to leave a field unmapped), then the headers
    and the sample values together (Guess). Raises InvalidField naming `mapping.<field>`."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(header_key(column), column)
    guess = Guess(columns, samples, platform)
    for field, column in explicit.items():
        if field not in FIELD_ALIASES:
            raise InvalidField(f"mapping.{field}", f"unknown field; one of {', '.join(FIELDS)}")
        if column is None:
            guess.disabled.add(field)
            continue
        found = column if column in columns else by_key.get(header_key(column))
        if found is None:
            raise InvalidField(f"mapping.{field}", f"no column {column!r} in the file")
        guess.take(field, found, 1.0, "as the mapping says")
    guess.run()
    fields = guess.fields
    if "handle" not in fields:
        raise InvalidField("mapping.handle", 'no column holds the handle; name it, e.g. mapping={"handle": "Username"}')
    if "followers" not in fields:
        raise InvalidField("mapping.followers", "no column holds the follower count; name it in mapping")
    if "platform" not in fields and not platform_given:
        raise InvalidField("platform", "the file has no platform column: give the platform of its profiles")
    return guess.mapping()


_HANDLE_ALIASES = frozenset(FIELD_ALIASES["handle"])
_NAME_ALIASES = FIELD_ALIASES["display_name"]
_IDENTITY_FIELDS = ("handle", "display_name")


class Guess:
    """The mapping of a file's columns as it is worked out, each choice with its confidence and reason."""

    def __init__(self, columns: Sequence[str], samples: Sequence[Mapping[str, Any]], platform: Platform | None) -> None:
        self.columns = list(columns)
        self.platform = platform
        self.values = {c: texts(s.get(c) for s in samples) for c in self.columns}
        self.keys = {c: header_keys(c) for c in self.columns}
        self.fields: dict[str, str] = {}
        self.disabled: set[str] = set()
        self.checks: dict[str, str] = {}
        self.choices: dict[str, ColumnChoice] = {}

    def free(self, column: str) -> bool:
        return column not in self.choices

    def open(self, field: str) -> bool:
        return field not in self.fields and field not in self.disabled

    def _choice(self, column: str, field: str | None, confidence: float, reason: str) -> None:
        samples = tuple(v[:80] for v in self.values[column][:3])
        self.choices[column] = ColumnChoice(column, field, round(confidence, 2), reason, samples)

    def take(self, field: str, column: str, confidence: float, reason: str) -> None:
        self.fields[field] = column
        self._choice(column, field, confidence, reason)
        if field not in _NUMBER_FIELDS:
            return
        bare = _DUPLICATE.sub("", column)
        for other in self.columns:
            if other != column and self.free(other) and _DUPLICATE.sub("", other) == bare:
                self.checks[field] = other
                self._choice(
                    other,
                    None,
                    confidence,
                    f"the same header as {column!r}, which holds the exact figures: checked against it "
                    "(a difference beyond rounding is a warning) and read where it is empty",
                )
                return

    def run(self) -> None:
        for column in self.columns:
            key = self.keys[column][0]
            if self.free(column) and (key in _SERIALS or _SERIAL_SHAPE.match(key)):
                self._choice(column, None, 0.9, "a serial number or rank: nothing about the profile")
        for field, aliases in FIELD_ALIASES.items():
            if field not in _IDENTITY_FIELDS and self.open(field):
                self._by_header(field, aliases)
        if self.open("engagement_rate"):
            for column in self.columns:
                if self.free(column) and _WINDOWED_RATE.match(self.keys[column][0]):
                    self.take("engagement_rate", column, 0.9, f"the header {column!r} names a measured engagement rate")
                    break
        self._identity()

    def _by_header(self, field: str, aliases: Sequence[str]) -> None:
        for alias in aliases:
            found = [c for c in self.columns if self.free(c) and alias in self.keys[c]]
            if not found:
                continue
            column = found[0]
            if field in _NUMBER_FIELDS and len(found) > 1:
                column = max(found, key=lambda c: (exact_share(self.values[c]), -found.index(c)))
            if self.keys[column][0] == alias:
                self.take(field, column, 0.95, f"the header {column!r} names {field}")
            else:
                self.take(field, column, 0.85, f"the header {column!r} names {field} (read as {alias!r})")
            return

    def _names_someone(self, column: str) -> bool:
        keys = self.keys[column]
        if any(k in _HANDLE_ALIASES or k in _NAME_ALIASES for k in keys):
            return True
        words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", _DUPLICATE.sub("", column)).lower())
        return (
            bool(words)
            and all(w in _IDENTITY_WORDS for w in words)
            and not all(w in ("id", "s", "of", "the") for w in words)
            and number_share(self.values[column]) < 0.5
        )

    def _identity(self) -> None:
        """The handle and the display name, by header and by the shape of the values: of the
        columns naming a profile, the one whose values look most like the platform's handles."""
        candidates = [c for c in self.columns if self.free(c) and self._names_someone(c)]
        if self.open("handle") and candidates:
            shares = {c: handle_share(self.values[c], self.platform) for c in candidates}

            def score(column: str) -> tuple[float, int]:
                keys = self.keys[column]
                bonus = 0.3 if any(k in _HANDLE_ALIASES for k in keys) else 0.0
                penalty = 0.3 if keys[0] in _NAME_ALIASES else 0.0
                return shares[column] + bonus - penalty, -candidates.index(column)

            ranked = sorted(candidates, key=score, reverse=True)
            handle, share = ranked[0], shares[ranked[0]]
            by_header = any(k in _HANDLE_ALIASES for k in self.keys[handle])
            reason = f"{share:.0%} of its values look like handles (no spaces, the platform's characters)"
            if len(ranked) > 1:
                reason += f"; of {ranked[1]!r}, {shares[ranked[1]]:.0%}"
            reason = f"the header {handle!r} names a profile ({'a handle' if by_header else 'its name'}); " + reason
            confidence = min(0.99, 0.4 + 0.5 * share + (0.1 if by_header else 0.0))
            self.take("handle", handle, confidence, reason)
            candidates.remove(handle)
        if self.open("display_name") and candidates:
            named = [c for c in candidates if any(k in _NAME_ALIASES for k in self.keys[c])]
            column = (named or [c for c in candidates if "name" in self.keys[c][0]] or candidates)[0]
            spaced = sum(1 for v in self.values[column] if " " in v) / max(1, len(self.values[column]))
            self.take(
                "display_name",
                column,
                0.9 if named else 0.7,
                f"the header {column!r} names a profile; {spaced:.0%} of its values hold spaces, as names do",
            )

    def mapping(self) -> ColumnMapping:
        read = set(self.fields.values()) | set(self.checks.values())
        choices = tuple(
            self.choices.get(c) or ColumnChoice(c, None, 0.0, "no field has this header", self._samples(c))
            for c in self.columns
        )
        return ColumnMapping(
            fields=self.fields,
            unmapped=[c for c in self.columns if c not in read],
            checks=self.checks,
            choices=choices,
        )

    def _samples(self, column: str) -> tuple[str, ...]:
        return tuple(v[:80] for v in self.values[column][:3])
