"""What the checks take and what they give: plain immutable values (callers map them to their wire models)."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, NamedTuple, TypeVar, overload

from contracts.vocabulary import CollaborationType

T = TypeVar("T")


class once(Generic[T]):
    """A property computed on first access and then kept in the instance.

    functools.cached_property does the same but takes a lock on every first access in Python 3.11,
    which costs more than some of the values it keeps here.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "once[T]": ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> "T | once[T]":
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Platform(StrEnum):
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    X = "x"


class Format(StrEnum):
    POST = "post"
    CAROUSEL = "carousel"
    REEL = "reel"
    STORY = "story"
    VIDEO = "video"
    SHORT = "short"
    LIVE = "live"


class Market(StrEnum):
    US = "US"
    UK = "UK"
    DE = "DE"


# The platform's one definition of the kinds of collaboration (partnerships' terms name them).
Collaboration = CollaborationType


class Severity(StrEnum):
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"


class Span(NamedTuple):
    """Where in the caption a finding applies (or what it is missing from): [start, end) in code points."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule and where it comes from, e.g. ("us.disclosure", "...", "FTC Endorsement Guides 16 CFR 255.5")."""

    id: str
    title: str
    source: str


class Finding(NamedTuple):
    """What a check found (a named tuple: a check makes several, and a frozen dataclass costs three times as much)."""

    code: str
    severity: Severity
    rule: Rule
    message: str
    span: Span | None
    market: Market | None = None


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]

    @property
    def blocking(self) -> bool:
        blocking = Severity.BLOCKING  # once: Python 3.11 looks a member up on its class in about 0.5 us
        return any(f.severity is blocking for f in self.findings)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


def handle_key(handle: str) -> str:
    return handle.strip().lstrip("@").casefold()


def name_key(name: str) -> str:
    """A brand's name as one word, the way it appears in a hashtag: "Ben & Jerry's" -> "benjerrys"."""
    return "".join(c for c in name.casefold() if c.isalnum())


@dataclass(frozen=True)
class Brand:
    name: str
    handles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "handles", tuple(self.handles))

    @once
    def handle_keys(self) -> frozenset[str]:
        return frozenset(k for k in (handle_key(h) for h in self.handles) if k)

    @once
    def keys(self) -> frozenset[str]:
        """The one-word forms a hashtag can take: the name squashed and each handle."""
        name = name_key(self.name)
        return self.handle_keys | ({name} if name else frozenset())


@dataclass(frozen=True)
class BriefRequirements:
    """What the campaign's brief asks of a caption; hashtags and mentions with or without their # and @."""

    required_hashtags: tuple[str, ...] = ()
    required_mentions: tuple[str, ...] = ()
    required_links: tuple[str, ...] = ()
    forbidden_words: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("required_hashtags", "required_mentions", "required_links", "forbidden_words"):
            values = getattr(self, name)
            if isinstance(values, str):
                raise TypeError(f"{name} is a list of strings, not one string")
            object.__setattr__(self, name, tuple(v for v in values if v.strip()))


@dataclass(frozen=True)
class CheckContext:
    """Everything a check needs besides the caption. Several markets: every market's rules apply.

    `fee_is_gift` mirrors a partnership whose fee is a product (partnerships' fee kind `gifting`);
    `brand_controls_content` is false only when the brand had no say in what was posted (UK: then
    `#gifted` is enough). `in_video_disclosure_confirmed` is the reviewer's confirmation that a video
    says and shows the disclosure itself.
    """

    platform: Platform
    format: Format = Format.POST
    markets: tuple[Market, ...] = (Market.US,)
    collaboration: Collaboration = Collaboration.SPONSORED_POST
    fee_is_gift: bool = False
    brand_controls_content: bool = True
    brand: Brand | None = None
    brief: BriefRequirements = BriefRequirements()
    in_video_disclosure_confirmed: bool = False

    def __post_init__(self) -> None:
        markets = tuple(dict.fromkeys(Market(m) for m in self.markets))
        if not markets:
            raise ValueError("markets: name at least one market")
        object.__setattr__(self, "markets", markets)
        object.__setattr__(self, "platform", Platform(self.platform))
        object.__setattr__(self, "format", Format(self.format))
        object.__setattr__(self, "collaboration", Collaboration(self.collaboration))
