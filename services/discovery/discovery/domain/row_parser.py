"""One record of an export as profile facts: the mapped fields read in a fixed order, each error
naming its field."""

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from discovery.domain.column_mapping import RATE_FIELDS, ColumnMapping, parse_platform
from discovery.domain.column_shapes import rounding_of
from discovery.domain.facts import NUMBERS, Kind, ProfileFacts
from discovery.domain.limits import (
    MAX_BIO,
    MAX_CONTACT,
    MAX_COUNT,
    MAX_DISPLAY_NAME,
    MAX_SPONSORS,
    count_too_large,
)
from discovery.domain.numbers import (
    NumberFormatError,
    is_missing,
    is_sheet_error,
    parse_average,
    parse_count,
    parse_money,
    parse_rate,
)
from discovery.domain.places import UnknownPlace, normalize_country, normalize_language
from discovery.domain.profiles import Audience, Contact, Platform, RateCard, normalize_categories, normalize_handle
from discovery.domain.row_values import (
    CURRENCY_CODE,
    RowError,
    checked_money,
    minor_units,
    read_list,
    read_shares,
    read_text,
    refuse_nul,
)
from servicekit.errors import InvalidField

_FOLLOWERS = frozenset({"followers"})


class ParsedRow(NamedTuple):
    facts: ProfileFacts
    # The facts the row states: an import changes only these on an existing profile.
    stated: frozenset[str]
    # (column, field, reason) of each cell read as empty or doubted; the row is imported all the same.
    warnings: tuple[tuple[str, str, str], ...] = ()


# The numbers a row may state besides followers (read first, as every row needs it).
_COUNT_FACTS = tuple(f.name for f in NUMBERS if f.kind is Kind.COUNT and not f.required)
_AVERAGE_FACTS = tuple(f.name for f in NUMBERS if f.kind is Kind.AVERAGE)
_RATE_FACTS = tuple(f for f in NUMBERS if f.kind is Kind.RATE)
_TOTALS = tuple((f.total[0], f.name) for f in NUMBERS if f.total is not None)
# The figures a second column may check, by import field: (fact, kind).
_CHECKED = {f.called: (f.name, f.kind) for f in NUMBERS}
_AUDIENCE_FIELDS = ("audience", "audience_countries", "audience_ages", "audience_genders")
_AUDIENCE_SOURCES = (("countries", "country"), ("ages", "age"), ("genders", "gender"))
_CONTACT_FIELDS = ("contact", "email", "phone", "website", "agent")


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
        self._totals = [(total, average, fields[total]) for total, average in _TOTALS if total in fields]
        self._rates = [(f.called, f.name, fields[f.called]) for f in _RATE_FACTS if f.called in fields]
        self._audience_columns = (
            fields.get("audience"),
            *(fields.get(f"audience_{key}") for key, _ in _AUDIENCE_SOURCES),
        )
        self._audience_on = any(f in fields for f in _AUDIENCE_FIELDS)
        self._rate_fields = [(f, f.split(".", 1)[1], fields[f]) for f in RATE_FIELDS if f in fields]
        self._rate_card_on = "rate_card" in fields or bool(self._rate_fields)
        self._sponsors_column = fields.get("past_sponsors")
        self._contact_on = any(f in fields for f in _CONTACT_FIELDS)
        self._refreshed_column = fields.get("last_refreshed_at")
        # A second column of a figure (an abbreviated one beside the exact one), by field.
        self._checks = dict(mapping.checks)
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
        handle_text = read_text(get(self._handle_column))
        if handle_text is None:
            raise RowError("handle", "missing")
        if handle_text[0] == "#" and is_sheet_error(handle_text):
            raise RowError("handle", f"{handle_text!r} is a spreadsheet error")
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

        warned: list[tuple[str, str, str]] = []
        display_name = None if self._name_column is None else read_text(get(self._name_column))
        if display_name and display_name[0] == "#":
            display_name = self._not_an_error(display_name, self._name_column, "display_name", warned)
        if display_name or handle_text != handle:
            display_name = display_name or handle_text
            if len(display_name) > MAX_DISPLAY_NAME:
                raise RowError("display_name", f"{len(display_name)} characters; at most {MAX_DISPLAY_NAME}")
            facts["display_name"] = display_name
        if self._bio_column is not None:
            bio = read_text(get(self._bio_column))
            if bio and bio[0] == "#":
                bio = self._not_an_error(bio, self._bio_column, "bio", warned)
            if bio:
                facts["bio"] = bio[:MAX_BIO]
        if self._categories_column is not None:
            raw = get(self._categories_column)
            if isinstance(raw, str) and is_sheet_error(raw.strip()):
                warned.append((self._categories_column, "categories", f"{raw.strip()!r} is a spreadsheet error"))
            else:
                categories = self._categories_of(raw)
                if categories:
                    facts["categories"] = categories
        for name, column, reader, known in self._places:
            raw = get(column)
            place = known.get(raw) if isinstance(raw, str) else None
            if place is None:
                try:
                    if isinstance(raw, str) and is_sheet_error(raw.strip()):
                        raise UnknownPlace(f"{raw.strip()!r} is a spreadsheet error")
                    place = reader(raw)
                except UnknownPlace as exc:
                    warned.append((column, name, str(exc)))
                if place is not None and isinstance(raw, str) and len(known) < 4096:
                    known[raw] = place
            if place is not None:
                facts[name] = place
        for name, column in self._counts:
            try:
                count = parse_count(get(column))
            except NumberFormatError as exc:
                warned.append((column, name, str(exc)))
                continue
            if count is not None:
                if count > MAX_COUNT:
                    raise RowError(name, count_too_large(count))
                facts[name] = count
        for name, column in self._averages:
            try:
                average = parse_average(get(column))
            except NumberFormatError as exc:
                warned.append((column, name, str(exc)))
                continue
            if average is not None:
                facts[name] = average
        posts = facts.get("posts")
        for total_name, average_name, column in self._totals:
            try:
                amount = parse_average(get(column))
            except NumberFormatError as exc:
                warned.append((column, total_name, str(exc)))
                continue
            if average_name not in facts and amount is not None and posts:
                facts[average_name] = amount / posts
        for field, fact_name, column in self._rates:
            try:
                rate = parse_rate(get(column))
            except NumberFormatError as exc:
                warned.append((column, field, str(exc)))
                continue
            if rate is not None:
                facts[fact_name] = rate
        if self._checks:
            self._check(values, facts, followers, warned)
        if self._audience_on:
            try:
                audience = self._audience(values)
            except RowError as exc:
                part = exc.field.split(".")[1] if "." in exc.field else ""
                column = self.mapping.get(f"audience_{part}") or self.mapping.get("audience") or ""
                warned.append((column, exc.field, exc.message))
                audience = None
            if audience is not None:
                facts["audience"] = audience
        if self._rate_card_on:
            card = self._rate_card(values)
            if card is not None:
                facts["rate_card"] = card
        if self._sponsors_column is not None:
            sponsors = tuple(s.strip() for s in read_list(get(self._sponsors_column)))[:MAX_SPONSORS]
            if sponsors:
                facts["past_sponsors"] = sponsors
        if self._contact_on:
            contact = self._contact(values)
            if contact is not None:
                facts["contact"] = contact
        if self._refreshed_column is not None:
            refreshed = self._timestamp(values, warned)
            if refreshed is not None:
                facts["last_refreshed_at"] = refreshed
        if self._nul_check:
            refuse_nul(handle, facts)
        stated = frozenset(facts)
        try:
            profile = ProfileFacts.of(platform, handle, followers, facts)
            return ParsedRow(profile, stated | _FOLLOWERS, tuple(warned) if warned else ())
        except InvalidField as exc:
            raise RowError(exc.field, exc.message) from None

    @staticmethod
    def _not_an_error(text: str, column: str, field: str, warned: list[tuple[str, str, str]]) -> str | None:
        """The text, or None with a warning if it is a spreadsheet's error value."""
        if is_sheet_error(text):
            warned.append((column, field, f"{text!r} is a spreadsheet error"))
            return None
        return text

    def _check(
        self, values: Mapping[str, Any], facts: dict[str, Any], followers: int, warned: list[tuple[str, str, str]]
    ) -> None:
        """Each figure against its second column: read from it where the first is empty, a warning
        where they differ by more than the second one's rounding."""
        for field, column in self._checks.items():
            checked = _CHECKED.get(field)
            if checked is None:
                continue
            name, kind = checked
            written = values.get(column)
            try:
                other = parse_rate(written) if kind is Kind.RATE else parse_average(written)
            except NumberFormatError as exc:
                warned.append((column, field, str(exc)))
                continue
            if other is None:
                continue
            value = followers if name == "followers" else facts.get(name)
            if value is None:
                facts[name] = round(other) if kind is Kind.COUNT else other
            elif abs(value - other) > rounding_of(written) * (0.01 if kind is Kind.RATE else 1):
                exact = self.mapping.get(field)
                shown = int(value) if float(value).is_integer() else value
                reason = f"{str(written).strip()!r} here but {shown} in {exact!r}: more than rounding apart"
                warned.append((column, field, reason))

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
            categories = normalize_categories(read_list(raw))
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
                parsed[key] = read_shares(value, f"audience.{key}", keys=kind)
        if not any(parsed.values()):
            return None
        try:
            return Audience(**parsed)
        except InvalidField as exc:
            raise RowError(exc.field, exc.message) from None

    def _rate_card(self, values: Mapping[str, Any]) -> RateCard | None:
        currency = read_text(self._cell(values, "currency")) or self.currency
        if currency != self.currency and not CURRENCY_CODE.fullmatch(currency):
            raise RowError("currency", f"{currency!r} is not an ISO 4217 code")
        prices: dict[str, tuple[int, str]] = {}
        nested = self._cell(values, "rate_card")
        if isinstance(nested, dict):
            for deliverable, price in nested.items():
                amount = price.get("amount_minor") if isinstance(price, dict) else None
                field = f"rate_card.{deliverable}"
                if amount is not None:
                    prices[str(deliverable)] = minor_units(field, amount, price.get("currency", currency))
                    continue
                try:
                    money = parse_money(price, currency)
                except NumberFormatError as exc:
                    raise RowError(field, str(exc)) from None
                if money is not None:
                    prices[str(deliverable)] = checked_money(field, money, price)
        for field, deliverable, column in self._rate_fields:
            try:
                money = parse_money(values.get(column), currency)
            except NumberFormatError as exc:
                raise RowError(field, str(exc)) from None
            if money is not None:
                prices[deliverable] = checked_money(field, money, values.get(column))
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
            value = read_text(self._cell(values, name))
            if value is not None:
                fields[name] = value
        if isinstance(nested, str) and "@" in nested and "email" not in fields:
            fields["email"] = nested.strip()
        contact = Contact(
            **{k: str(v)[:MAX_CONTACT] for k, v in fields.items() if k in Contact.__dataclass_fields__ and v}
        )
        return contact if contact.as_dict() else None

    def _timestamp(self, values: Mapping[str, Any], warned: list[tuple[str, str, str]]) -> datetime | None:
        text = read_text(self._cell(values, "last_refreshed_at"))
        if text is None:
            return None
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
            except ValueError:
                reason = f"{text!r} is not an ISO 8601 date or time"
                warned.append((str(self._refreshed_column), "last_refreshed_at", reason))
                return None
        try:
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except OverflowError:
            raise RowError("last_refreshed_at", f"{text!r} is not a time we can store") from None


def merge(existing: ProfileFacts, row: ParsedRow) -> ProfileFacts:
    """An import states some facts; the others keep what the profile had."""
    return existing.with_changes(**{name: getattr(row.facts, name) for name in row.stated})
