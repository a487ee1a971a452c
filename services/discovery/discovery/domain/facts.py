# ruff: noqa: RUF009 (fact() makes each field of ProfileFacts, as dataclasses.field does)
"""The facts of a profile: what a user or an import states about an influencer; everything else is
derived from them.

ProfileFacts is the table of facts: each is named once there, with its kind, the header spellings
exports give it and, where it differs, the name it has in the API and in import mappings. The rest
derives from it: the columns (adapters/tables.py), the API's fields (api/schemas.py), the import's
column matching and row parser (domain/column_mapping.py, domain/row_parser.py), a profile's
fingerprint and its snapshots (below). A new number (a count, an average per post, a rate) is a line
here and a migration; a fact of another shape needs its own column, API type and reader besides.
"""

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, make_dataclass, replace
from datetime import datetime
from enum import StrEnum
from operator import attrgetter
from typing import Any

import orjson

from discovery.domain.profiles import Audience, Contact, Platform, RateCard
from servicekit.errors import InvalidField


class Kind(StrEnum):
    PLATFORM = "platform"
    HANDLE = "handle"
    COUNT = "count"  # a whole number, at most limits.MAX_COUNT
    NAME = "name"  # one line of text
    TEXT = "text"  # text that may hold line breaks
    CATEGORIES = "categories"  # topics, normalised (domain.profiles.normalize_categories), filtered on
    LIST = "list"  # texts
    COUNTRY = "country"  # an ISO 3166-1 alpha-2 code
    LANGUAGE = "language"  # an ISO 639-1 code
    AVERAGE = "average"  # per post
    RATE = "rate"  # a fraction
    AUDIENCE = "audience"
    RATE_CARD = "rate_card"
    CONTACT = "contact"
    TIME = "time"


NUMBER_KINDS = frozenset({Kind.COUNT, Kind.AVERAGE, Kind.RATE})


@dataclass(frozen=True)
class Fact:
    name: str
    kind: Kind
    # Header spellings as column_mapping.header_key reads them (lower case, letters and digits).
    aliases: tuple[str, ...]
    # Its name in the API and in an import's mapping.
    called: str
    required: bool
    doc: str | None = None
    # Kept in each snapshot, so that its growth can be read.
    in_snapshot: bool = False
    # An import field holding a total per profile, and its spellings: divided by posts, this average.
    total: tuple[str, str] | None = None


def fact(
    kind: Kind,
    spellings: str,
    *,
    required: bool = False,
    default: Any = None,
    called: str | None = None,
    doc: str | None = None,
    snapshot: bool = False,
    total: tuple[str, str] | None = None,
) -> Any:
    """A field of ProfileFacts (what dataclasses.field makes) carrying its line of the table:
    `spellings` are the header spellings of exports, space-separated, earlier ones winning."""
    line = Fact("", kind, tuple(spellings.split()), called or "", required, doc, snapshot, total)
    if required:
        return field(metadata={"fact": line})
    # The empty audience and contact are one instance shared by every profile (both are frozen).
    return field(default=default, metadata={"fact": line})


@dataclass(frozen=True)
class ProfileFacts:
    """What a user or an import states about an influencer: the table of facts (see above)."""

    platform: Platform = fact(Kind.PLATFORM, "platform network socialnetwork socialplatform site", required=True)
    handle: str = fact(
        Kind.HANDLE,
        "handle username user screenname account accountname channelinfo channelhandle youtuber channel creator"
        " influencer login instagramhandle tiktokhandle twitterhandle",
        required=True,
    )
    followers: int = fact(
        Kind.COUNT,
        "followers followerscount followercount subscribers subscriberscount subs fans audiencesize totalfollowers",
        required=True,
        snapshot=True,
    )
    display_name: str | None = fact(
        Kind.NAME, "displayname name fullname title channelname channeltitle influencername"
    )
    bio: str | None = fact(Kind.TEXT, "bio biography description about profiledescription")
    categories: tuple[str, ...] = fact(
        Kind.CATEGORIES, "categories category niche niches topics topic genre vertical", default=()
    )
    country: str | None = fact(Kind.COUNTRY, "country countryname location homecountry countrycode nationality")
    language: str | None = fact(Kind.LANGUAGE, "language lang languages")
    following: int | None = fact(Kind.COUNT, "following followingcount follows followings", snapshot=True)
    posts: int | None = fact(
        Kind.COUNT, "posts postscount postcount uploads videos videocount mediacount tweets", snapshot=True
    )
    avg_likes: float | None = fact(
        Kind.AVERAGE,
        "avglikes averagelikes likesavg likesperpost avglike meanlikes",
        snapshot=True,
        total=("total_likes", "totallikes likestotal likes"),
    )
    avg_comments: float | None = fact(
        Kind.AVERAGE, "avgcomments averagecomments commentsavg commentsperpost meancomments", snapshot=True
    )
    avg_views: float | None = fact(
        Kind.AVERAGE,
        "avgviews averageviews viewsavg viewsperpost avgvideoviews meanviews",
        snapshot=True,
        total=("total_views", "videoviews totalviews viewstotal views"),
    )
    avg_shares: float | None = fact(Kind.AVERAGE, "avgshares averageshares sharesavg sharesperpost", snapshot=True)
    avg_engagements: float | None = fact(
        Kind.AVERAGE,
        "engavg avgeng avgengagement avgengagements averageengagement averageengagements engagementsperpost"
        " engagementsavg avginteractions",
        snapshot=True,
        doc="Likes+comments+shares per post, if only the total is known",
    )
    reported_engagement_rate: float | None = fact(
        Kind.RATE,
        "engagementrate engrate er erate avgengagementrate engagementratepercent engagementratepct engagement",
        called="engagement_rate",
        doc="A rate a data provider measured per post (fraction); else it is computed",
    )
    audience: Audience = fact(Kind.AUDIENCE, "audience", default=Audience())
    rate_card: RateCard | None = fact(Kind.RATE_CARD, "ratecard rates prices")
    past_sponsors: tuple[str, ...] = fact(
        Kind.LIST, "pastsponsors sponsors brands brandpartners pastbrands", default=()
    )
    contact: Contact = fact(Kind.CONTACT, "contact", default=Contact())
    last_refreshed_at: datetime | None = fact(
        Kind.TIME, "lastrefreshedat lastrefreshed refreshedat lastupdated updatedat asof"
    )

    def __post_init__(self) -> None:
        state = self.__dict__
        for name in _COUNTS:
            value = state[name]
            if value is not None and value < 0:
                raise InvalidField(name, "must not be negative")

    def with_changes(self, **changes: Any) -> "ProfileFacts":
        if not changes.keys() <= BY_NAME.keys():
            return replace(self, **changes)  # raises TypeError naming the unknown fields
        changed = object.__new__(ProfileFacts)
        changed.__dict__.update(self.__dict__)
        changed.__dict__.update(changes)
        changed.__post_init__()
        return changed

    @classmethod
    def of(cls, platform: Platform, handle: str, followers: int, facts: dict[str, Any]) -> "ProfileFacts":
        """ProfileFacts(platform, handle, followers, **facts) for an import's every row, built
        without the frozen dataclass's keyword call (which costs more than parsing the numbers)."""
        if not facts.keys() <= _DEFAULTS.keys():
            raise TypeError(f"not facts: {', '.join(sorted(facts.keys() - _DEFAULTS.keys()))}")
        self = object.__new__(cls)
        state = self.__dict__
        state.update(_DEFAULTS)
        state["platform"] = platform
        state["handle"] = handle
        state["followers"] = followers
        state.update(facts)
        self.__post_init__()
        return self


def _fact(spec: Field[Any]) -> Fact:
    line: Fact = spec.metadata["fact"]
    return replace(line, name=spec.name, called=line.called or spec.name)


FACTS: tuple[Fact, ...] = tuple(_fact(spec) for spec in fields(ProfileFacts))
BY_NAME: dict[str, Fact] = {f.name: f for f in FACTS}
# The numbers a profile states (counts, averages per post, rates), in the table's order.
NUMBERS: tuple[Fact, ...] = tuple(f for f in FACTS if f.kind in NUMBER_KINDS)
_COUNTS = tuple(f.name for f in FACTS if f.kind is Kind.COUNT)
# The optional facts' defaults.
_DEFAULTS: dict[str, Any] = {spec.name: spec.default for spec in fields(ProfileFacts) if spec.default is not MISSING}


def engagements_per_post(counts: Any) -> float | None:
    """Likes + comments (+ shares) on an average post of a profile's facts or of a snapshot; a
    stated total of engagements when given instead."""
    parts = [v for v in (counts.avg_likes, counts.avg_comments, counts.avg_shares) if v is not None]
    if parts:
        return float(sum(parts))
    avg_engagements: float | None = counts.avg_engagements
    return avg_engagements


# A snapshot holds the facts marked in_snapshot, at a time, and the engagement rate they gave.
SNAPSHOT_FACTS: tuple[str, ...] = tuple(f.name for f in FACTS if f.in_snapshot)


def _same_counts(self: Any, other: Any) -> bool:
    return bool(replace(self, taken_at=other.taken_at) == other)


# Each fact's type, as ProfileFacts declares it.
FACT_TYPES: dict[str, Any] = {spec.name: spec.type for spec in fields(ProfileFacts)}
Snapshot = make_dataclass(
    "Snapshot",
    [
        ("taken_at", datetime),
        *(
            (name, FACT_TYPES[name]) if BY_NAME[name].required else (name, FACT_TYPES[name], None)
            for name in SNAPSHOT_FACTS
        ),
        ("engagement_rate", float | None, None),
    ],
    frozen=True,
    namespace={
        "__doc__": "An influencer's counts at one time, so growth can be read (SNAPSHOT_FACTS and the rate).",
        "engagements_per_post": property(engagements_per_post),
        "same_counts": _same_counts,
    },
)
Snapshot.__module__ = __name__


_snapshot_facts = attrgetter(*SNAPSHOT_FACTS)


def snapshot_of(facts: ProfileFacts, engagement_rate: float | None, taken_at: datetime) -> Any:
    return Snapshot(taken_at, *_snapshot_facts(facts), engagement_rate)


def compiled(name: str, expression: str, namespace: Mapping[str, Any] | None = None) -> Callable[[Any], Any]:
    """The function `name(holder)` returning `expression`, compiled once from the table as
    dataclasses compile __init__ from their fields: an import reads every row through such readers,
    and a literal expression costs a third of a loop over the table. Its source is its __doc__."""
    source = f"def {name}(holder):\n    return {expression}\n"
    scope = dict(namespace or {})
    exec(source, scope)  # the source is made from the table's names and the caller's templates only
    function: Callable[[Any], Any] = scope[name]
    function.__doc__ = source
    return function


def each_fact(templates: Mapping[Kind, str], *, keyed: bool = False, optional_only: bool = False) -> str:
    """Every fact in the table's order as expressions on `holder`: `holder.<fact>`, or for a kind in
    `templates` its template, in which {} stands for `holder.<fact>`; `keyed`: as the entries of a
    dict display (`'<fact>': ...`); `optional_only`: without the facts every profile states."""
    found = []
    for f in FACTS:
        if optional_only and f.required:
            continue
        expression = templates.get(f.kind, "{}").replace("{}", f"holder.{f.name}")
        found.append(f"{f.name!r}: {expression}" if keyed else expression)
    return ", ".join(found)


# The fingerprint: equal for equal facts, so that an import stating nothing new leaves a profile
# untouched. Stored with each profile: its parts and their order never change without a migration.
FINGERPRINT_TEMPLATES = {
    Kind.PLATFORM: "{}.value",
    Kind.AUDIENCE: "(audience := {}).ages, audience.genders, audience.countries",
    Kind.RATE_CARD: "([card.currency, card.prices] if (card := {}) else None)",
    Kind.CONTACT: "{}.as_dict()",
}
fingerprint_parts = compiled("fingerprint_parts", f"[{each_fact(FINGERPRINT_TEMPLATES)}]")


def fingerprint(facts: ProfileFacts) -> str:
    """Equal for equal facts: an import that states nothing new leaves the profile untouched."""
    return fingerprint_of(fingerprint_parts(facts))


def fingerprint_of(parts: list[Any]) -> str:
    canonical = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha1(canonical, usedforsecurity=False).hexdigest()


def _positions() -> dict[str, int]:
    """Where each fact stands in fingerprint_parts; the audience takes three places."""
    positions: dict[str, int] = {}
    for f in FACTS:
        at = len(positions)
        positions[f.name] = at
        if f.kind is Kind.AUDIENCE:
            positions[f"{f.name}.genders"] = at + 1
            positions[f"{f.name}.countries"] = at + 2
    return positions


FINGERPRINT_PARTS = _positions()


def _replacing(f: Fact) -> Callable[[ProfileFacts], Any] | None:
    """How with_facts writes a fact of a kind the fingerprint encodes: its parts, as a list."""
    template = FINGERPRINT_TEMPLATES.get(f.kind)
    if template is None:
        return None
    return compiled(f"{f.name}_parts", "[" + template.replace("{}", f"holder.{f.name}") + "]")


_WITH_FACTS = {f.name: (FINGERPRINT_PARTS[f.name], _replacing(f)) for f in FACTS}


def with_facts(parts: list[Any], facts: ProfileFacts, names: Iterable[str]) -> list[Any]:
    """The fingerprint parts of a profile whose facts `names` are replaced by those of `facts`."""
    changed = parts.copy()
    state = facts.__dict__
    for name in names:
        at, encode = _WITH_FACTS[name]
        if encode is None:
            changed[at] = state[name]
        else:
            encoded = encode(facts)
            changed[at : at + len(encoded)] = encoded
    return changed
