"""A profile as a row of the influencers table and back: by SQLAlchemy, or as a COPY record.

Written for speed, not by a generic mapper: an import maps every row it reads and writes through
these (from_row for each profile it updates, copy_record and with_search_texts for every profile
it writes), at hundreds of thousands of rows a file."""

from collections.abc import Callable, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any
from uuid import UUID

import orjson

from discovery.adapters.tables import AGE_COLUMNS, GENDER_COLUMNS, POSTS_DERIVED, influencers
from discovery.domain.facts import NUMBERS, Kind, ProfileFacts, Snapshot, compiled, each_fact, fingerprint
from discovery.domain.profiles import AGE_BUCKETS, GENDERS, PLATFORMS, TIERS, Audience, Contact, Influencer, RateCard
from discovery.domain.search import search_name
from discovery.domain.text import profile_document

# A snapshot's columns but its time, as its dataclass has them (domain.facts.Snapshot).
SNAPSHOT_FIELDS = tuple(spec.name for spec in fields(Snapshot) if spec.name != "taken_at")
# The facts a row holds as they are (numbers, texts, times), and those it holds as JSON.
_numbers = attrgetter(*(f.name for f in NUMBERS))
# Written by the import and the API; performance_score belongs to the performance consumer.
UPSERT_KEEP = {"id", "catalogue_id", "platform", "handle", "created_at", "created_by", "performance_score"}


def search_text(facts: ProfileFacts) -> str:
    return _search_text(facts.handle, facts.display_name, facts.bio, facts.categories)


def _search_text(handle: str, display_name: str | None, bio: str | None, categories: Sequence[str]) -> str:
    parts = [handle, display_name or "", bio or "", " ".join(categories)]
    return " ".join(p for p in parts if p).lower()


def _same(value: Any) -> Any:
    return value


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode() if value else _EMPTY_JSON[type(value)]


_EMPTY_JSON = {tuple: "[]", list: "[]", dict: "{}"}


def _values(
    influencer: Influencer, json: Callable[[Any], Any], key: Callable[[UUID], Any], *, text: bool = True
) -> list[Any]:
    """The profile's row in column order; `json` renders the JSON columns and `key` the ids (as
    SQLAlchemy takes them, or as COPY does: JSON text, ids as text, which pickle the fastest)."""
    facts = influencer.facts
    audience = facts.audience
    ages = audience.ages
    genders = audience.genders
    card = facts.rate_card
    rate = influencer.engagement_rate
    created_by = influencer.created_by
    return [
        key(influencer.id),
        key(influencer.catalogue_id),
        facts.platform.value,
        facts.handle,
        facts.display_name,
        facts.bio,
        json(facts.categories),
        facts.country,
        facts.language,
        *_numbers(facts),
        rate,
        influencer.engagement_rate_source,
        -1.0 if rate is None else rate,
        influencer.tier.value,
        json({"ages": ages, "genders": genders, "countries": audience.countries}),
        *([ages.get(bucket, 0.0) for bucket in AGE_BUCKETS] if ages else _NO_AGES),
        *([genders.get(gender, 0.0) for gender in GENDERS] if genders else _NO_GENDERS),
        bool(audience.countries),
        None if card is None else json({"currency": card.currency, "prices": card.prices}),
        None if card is None else card.reference_price,
        None if card is None else card.currency,
        json(facts.past_sponsors),
        json(facts.contact.as_dict()),
        facts.last_refreshed_at,
        float(influencer.authenticity_score),
        ",".join(influencer.authenticity_not_assessed),
        influencer.performance_score,
        influencer.prior_score,
        search_text(facts) if text else None,
        search_name(facts.handle, facts.display_name) if text else None,
        profile_document(facts.display_name, facts.bio, facts.categories, facts.past_sponsors).terms if text else None,
        fingerprint(facts),
        None if created_by is None else key(created_by),
        influencer.created_at,
        influencer.updated_at,
    ]


_NO_AGES = (None,) * len(AGE_BUCKETS)
_NO_GENDERS = (None,) * len(GENDERS)


def to_row(influencer: Influencer) -> dict[str, Any]:
    row = dict(zip(ROW_COLUMNS, _values(influencer, _same, _same), strict=True))
    row["categories"] = list(row["categories"])
    row["past_sponsors"] = list(row["past_sponsors"])
    return row


def _hex(key: UUID) -> str:
    return key.hex


def copy_record(influencer: Influencer) -> tuple[Any, ...]:
    """The profile's row as COPY takes it (ids as hexadecimal text, which asyncpg reads), but for
    its search texts, which `with_search_texts` fills in."""
    return tuple(_values(influencer, _json_text, _hex, text=False))


def with_search_texts(record: tuple[Any, ...]) -> tuple[Any, ...]:
    """A COPY record with the search texts filled in from its own columns (see ChangeRows)."""
    handle, name, bio = record[_AT_HANDLE], record[_AT_NAME], record[_AT_BIO]
    categories: list[str] = orjson.loads(record[_AT_CATEGORIES])
    sponsors: list[str] = orjson.loads(record[_AT_SPONSORS])
    values = list(record)
    values[_AT_SEARCH_TEXT] = _search_text(handle, name, bio, categories)
    values[_AT_SEARCH_NAME] = search_name(handle, name)
    values[_AT_TERMS] = profile_document(name, bio, categories, sponsors).terms
    return tuple(values)


def from_row(row: Any) -> Influencer:
    facts = _facts_of_row(row)
    return Influencer(
        id=row.id,
        catalogue_id=row.catalogue_id,
        facts=facts,
        tier=TIERS[row.tier],
        engagement_rate=row.engagement_rate,
        engagement_rate_source=row.engagement_rate_source,
        authenticity_score=row.authenticity_score,
        performance_score=row.performance_score,
        prior_score=row.prior_score,
        created_at=row.created_at,
        updated_at=row.updated_at,
        created_by=row.created_by,
        authenticity_not_assessed=signals(row.authenticity_not_assessed),
    )


def signals(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(",")) if stored else ()


_NO_AUDIENCE = Audience()
_NO_CONTACT = Contact()


def _has_audience(audience: dict[str, Any] | None) -> bool:
    return bool(audience) and any(audience.values())  # type: ignore[union-attr]


def _audience_parts(audience: dict[str, Any] | None) -> tuple[Any, ...]:
    audience = audience or {}
    return audience.get("ages") or {}, audience.get("genders") or {}, audience.get("countries") or {}


# A row's facts as the profile holds them: lists are JSON arrays, the audience, rate card and
# contact JSON objects; the other columns hold the facts as they are.
_facts_of_row = compiled(
    "facts_of_row",
    "ProfileFacts.of(PLATFORMS[holder.platform], holder.handle, holder.followers, {"
    + each_fact(
        {
            Kind.CATEGORIES: "tuple({})",
            Kind.LIST: "tuple({})",
            Kind.AUDIENCE: "(Audience.from_dict({}) if _has_audience({}) else _NO_AUDIENCE)",
            Kind.RATE_CARD: "(RateCard(currency={}['currency'], prices=dict({}['prices'])) if {} else None)",
            Kind.CONTACT: "(Contact(**{}) if {} else _NO_CONTACT)",
        },
        keyed=True,
        optional_only=True,
    )
    + "})",
    {
        "ProfileFacts": ProfileFacts,
        "PLATFORMS": PLATFORMS,
        "Audience": Audience,
        "RateCard": RateCard,
        "Contact": Contact,
        "_has_audience": _has_audience,
        "_NO_AUDIENCE": _NO_AUDIENCE,
        "_NO_CONTACT": _NO_CONTACT,
    },
)
# fingerprint_parts of from_row(row).facts, from the row's columns as they are.
stored_parts = compiled(
    "stored_parts",
    "["
    + each_fact(
        {
            Kind.AUDIENCE: "*_audience_parts({})",
            Kind.RATE_CARD: "([{}['currency'], {}['prices']] if {} else None)",
            Kind.CONTACT: "{k: v for k, v in {}.items() if v}",
        }
    )
    + "]",
    {"_audience_parts": _audience_parts},
)


def snapshot_of_row(row: Any) -> Snapshot:
    return Snapshot(taken_at=row.taken_at, **{name: getattr(row, name) for name in SNAPSHOT_FIELDS})


def snapshot_row(influencer_id: UUID, snapshot: Snapshot) -> dict[str, Any]:
    return {
        "influencer_id": influencer_id,
        "taken_at": snapshot.taken_at,
        **{name: getattr(snapshot, name) for name in SNAPSHOT_FIELDS},
    }


def audience_rows(batch: Sequence[Influencer]) -> list[dict[str, Any]]:
    """The audience_countries rows of these profiles."""
    return [
        {"influencer_id": i.id, "country": country, "share": share}
        for i in batch
        for country, share in i.facts.audience.countries.items()
    ]


# A profile's own columns: what its posts derive (POSTS_DERIVED) is written apart.
ROW_COLUMNS = [c.name for c in influencers.c if c.name not in POSTS_DERIVED]
(_AT_HANDLE, _AT_NAME, _AT_BIO, _AT_CATEGORIES, _AT_SPONSORS, _AT_SEARCH_TEXT, _AT_SEARCH_NAME, _AT_TERMS) = (
    ROW_COLUMNS.index(name)
    for name in (
        "handle",
        "display_name",
        "bio",
        "categories",
        "past_sponsors",
        "search_text",
        "search_name",
        "terms",
    )
)
# Where a COPY record holds who the profile is: id (hexadecimal), platform, handle, name, version.
IDENTITY_AT = tuple(ROW_COLUMNS.index(name) for name in ("id", "platform", "handle", "display_name", "updated_at"))
# What an import reads of the profiles its rows name: what from_row and the fingerprint need.
TARGET_COLUMNS = [
    c
    for c in influencers.c
    if c.name in ROW_COLUMNS
    and c.name not in {"search_text", "search_name", "terms", "engagement_sort", "price_minor"}
    and c.name not in {"price_currency", "audience_countries_known", *AGE_COLUMNS, *GENDER_COLUMNS}
]
SNAPSHOT_COLUMNS = ("influencer_id", "taken_at", *SNAPSHOT_FIELDS)
