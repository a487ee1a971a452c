"""Request models: what a service accepts from a caller, strictly and within documented ranges.

Every request body model derives from `RequestModel`, which holds each field of the model to
these rules without the model saying so:

- no unknown fields;
- integers are JSON integers (not "100" or true; 2.0 is 2, as JSON Schema counts it) within +-(2**53 - 1), the numbers a
  JavaScript client holds exactly, unless the field sets a narrower range;
- numbers are JSON numbers (an integer is taken), finite: NaN and Infinity are refused;
- booleans are true or false;
- strings hold no control characters (C0, DEL, C1) nor lone surrogates, and at most
  `DEFAULT_MAX_LENGTH` characters unless the field says; `Text` fields may also hold tab and
  newline;
- dates are "YYYY-MM-DD" and times RFC 3339 strings (not numbers) with their offset ("Z" for UTC:
  a time without one is no instant, and the databases keep instants), years 1970 to 2999;
- lists and maps hold at most `DEFAULT_MAX_ITEMS` entries unless the field says.

UUIDs and enums are parsed from their JSON strings as usual. FastAPI validates a body as the
Python objects json.loads made of it, where pydantic's `strict=True` would also refuse a UUID or
date string; hence these rules are applied per type, to the model's core schema, rather than
through the model-wide strict mode. Query parameters arrive as text by nature: they are parsed,
with ranges and `SINGLE_LINE` patterns declared on each, and a time as an `Instant`.
"""

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    ValidationError,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

from contracts.money import MAX_AMOUNT_MINOR, Currency, Money
from servicekit.errors import InvalidField

MAX_SAFE_INTEGER = 2**53 - 1
DEFAULT_MAX_LENGTH = 1_000
DEFAULT_MAX_ITEMS = 1_000
FIRST_YEAR, LAST_YEAR = 1970, 2999
# For query parameters (a pattern shows in the OpenAPI): no control characters.
SINGLE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*$"

_NOT_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same rules as JSON Schema patterns, so that the OpenAPI describes what the API takes: a client
# generating data from it sends only what is accepted. Written for every regex dialect (ECMA-262,
# Python, Rust): no lookaround, no surrogates (a JSON Schema string is Unicode text; a lone
# surrogate is refused all the same).
CONTROL_CHARACTERS = r"\u0000-\u001f\u007f-\u009f"
SINGLE_LINE_PATTERN = rf"^[^{CONTROL_CHARACTERS}]*$"
TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
# White space other than control characters (what str.split() collapses, less those).
SPACES = r"[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
_CHECKED = "servicekit_checked"  # metadata of a node already given its rule
_YEARS_PATTERN = r"^(19[7-9]\d|2\d{3})"  # FIRST_YEAR to LAST_YEAR, as a date's text begins


def _characters_error(found: re.Match[str]) -> PydanticCustomError:
    char = found.group()
    what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
    return PydanticCustomError(
        "string_characters",
        "must not contain {what} (U+{code} at position {position})",
        {"what": what, "code": f"{ord(char):04X}", "position": found.start()},
    )


def _single_line(value: str) -> str:
    found = _NOT_SINGLE_LINE.search(value)
    if found:
        raise _characters_error(found)
    return value


def _text(value: str) -> str:
    found = _NOT_TEXT.search(value)
    if found:
        raise _characters_error(found)
    return value


def _date_text(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_format", "a date as YYYY-MM-DD")


def _datetime_text(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and _DATETIME.match(value)):
        return value
    raise PydanticCustomError("datetime_format", "a date and time as RFC 3339, e.g. 2026-05-01T09:30:00Z")


def _with_offset(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise PydanticCustomError("timezone_aware", "a time with its offset (RFC 3339), e.g. 2026-05-01T09:30:00Z")
    return value


def _in_years(value: date) -> date:
    year = value.astimezone(UTC).year if isinstance(value, datetime) and value.tzinfo else value.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range", "a year from {first} to {last}", {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value


def _checked(
    function: Any, schema: core_schema.CoreSchema, before: bool = False, pattern: str | None = None
) -> core_schema.CoreSchema:
    make = core_schema.no_info_before_validator_function if before else core_schema.no_info_after_validator_function
    wrapped = make(function, schema)
    wrapped["metadata"] = {_CHECKED: True}
    own_extra = (schema.get("metadata") or {}).get("pydantic_js_extra")
    has_own_pattern = "pattern" in schema or (isinstance(own_extra, dict) and "pattern" in own_extra)
    if pattern is not None and not has_own_pattern:
        wrapped["metadata"]["pydantic_js_updates"] = {"pattern": pattern}
    return wrapped


def _integral(value: Any) -> Any:
    """JSON Schema counts 2.0 as an integer; a string or a boolean is none."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _strict(node: Any) -> Any:
    """A copy of a core schema with the rules above applied to each scalar in it (models it
    refers to by reference keep their own)."""
    if isinstance(node, list | tuple):
        return type(node)(_strict(item) for item in node)
    if not isinstance(node, dict):
        return node
    if (node.get("metadata") or {}).get(_CHECKED):
        return node
    kind = node.get("type")
    copy = {key: value if key in _OPAQUE else _strict(value) for key, value in node.items()}
    if kind in ("int", "float", "bool", "str"):
        copy["strict"] = True
    if kind == "int":
        if "ge" not in copy and "gt" not in copy:
            copy["ge"] = -MAX_SAFE_INTEGER
        if "le" not in copy and "lt" not in copy:
            copy["le"] = MAX_SAFE_INTEGER
        return _checked(_integral, copy, before=True)  # type: ignore[arg-type]
    elif kind == "float":
        copy["allow_inf_nan"] = False
    elif kind == "str":
        copy.setdefault("max_length", DEFAULT_MAX_LENGTH)
        return _checked(_single_line, copy, pattern=SINGLE_LINE_PATTERN)  # type: ignore[arg-type]
    elif kind in ("list", "dict", "set", "frozenset"):
        copy.setdefault("max_length", DEFAULT_MAX_ITEMS)
    elif kind == "date":
        in_years = _checked(_in_years, copy, pattern=_YEARS_PATTERN + r"-\d{2}-\d{2}$")  # type: ignore[arg-type]
        return _checked(_date_text, in_years, before=True)
    elif kind == "datetime":
        aware = _checked(_with_offset, copy)  # type: ignore[arg-type]
        in_years = _checked(_in_years, aware, pattern=_YEARS_PATTERN + "-")
        return _checked(_datetime_text, in_years, before=True)
    return copy


# Keys whose values are no schemas: metadata, serialization, defaults, classes, configs.
_OPAQUE = frozenset({"metadata", "serialization", "default", "cls", "config", "function", "ref", "schema_ref"})


class _MultilineText:
    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        schema = handler(source)
        assert schema["type"] == "str", "Text is a str"
        limited = {**schema, "strict": True}
        limited.setdefault("max_length", DEFAULT_MAX_LENGTH)
        return _checked(_text, limited, pattern=TEXT_PATTERN)  # type: ignore[arg-type]


Text = Annotated[str, _MultilineText()]
"""A string that may hold tabs and line breaks (a bio, a message), other control characters not."""


Instant = Annotated[datetime, BeforeValidator(_datetime_text), AfterValidator(_with_offset), AfterValidator(_in_years)]
"""A time a query parameter takes, by the rules a RequestModel holds its times to (FastAPI parses
parameters apart from any model): `before: Annotated[Instant | None, Query()] = None`."""


NotNull = SkipJsonSchema[None]
"""A field of a partial update that may be left out but never sent as null:
`name: Annotated[str, Field(max_length=200)] | NotNull = left_out()`. The schema shows no null;
the service refuses an explicit null (a 422 naming the field), as the schema says."""


def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def left_out() -> Any:
    """The default of a NotNull field: absent (None in Python), and no default in the schema."""
    return Field(default=None, json_schema_extra=_without_default)


def one_of_required(*fields: str) -> dict[str, Any]:
    """A model's JSON Schema extra: exactly one of `fields` is sent."""
    return {"oneOf": [{"required": [field]} for field in fields]}


class RequestModel(BaseModel):
    """The base of every request body model (response models do not use it)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        schema: core_schema.CoreSchema = _strict(handler(source))
        return schema


class MoneyIn(RequestModel):
    """An amount a caller sends: integer minor units of an active ISO 4217 currency."""

    amount_minor: int = Field(ge=0, le=MAX_AMOUNT_MINOR, description="Amount in minor units, e.g. cents")
    currency: Currency

    def money(self) -> Money:
        return Money(amount_minor=self.amount_minor, currency=self.currency)


class PositiveMoneyIn(MoneyIn):
    """An amount that must be more than zero (a fee, a cap, a declared value)."""

    amount_minor: int = Field(ge=1, le=MAX_AMOUNT_MINOR, description="Amount in minor units, e.g. cents")


def raise_for(errors: Iterable[tuple[str, str]]) -> None:
    """From a validator: each (field, message) as a validation error at that field (a dotted path
    relative to the model), reported with every other bad field of the request."""
    details = [
        InitErrorDetails(
            type=PydanticCustomError("value_error", "{message}", {"message": message}),
            loc=tuple(field.split(".")) if field else (),
            input=None,
        )
        for field, message in errors
    ]
    if details:
        raise ValidationError.from_exception_data("request", details)


@contextmanager
def domain_rules(prefix: str = "") -> Iterator[None]:
    """Runs a domain rule from a validator: the InvalidField it raises becomes a validation error
    at the field it names, `prefix` taken off (the domain names fields from the body's root)."""
    try:
        yield
    except InvalidField as exc:
        field = "" if exc.field == prefix.rstrip(".") else exc.field.removeprefix(prefix)
        raise_for([(field, exc.message)])
