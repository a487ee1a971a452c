"""Countries as ISO 3166-1 alpha-2 codes and languages as ISO 639-1 codes, from what exports write."""

import unicodedata
from functools import lru_cache

import pycountry

from discovery.domain.numbers import is_missing

# Names exports use that the ISO tables spell otherwise.
_COUNTRY_ALIASES = {
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "britain": "GB",
    "russia": "RU",
    "turkey": "TR",
    "korea": "KR",
    "north korea": "KP",
    "ivory coast": "CI",
    "uae": "AE",
    "holland": "NL",
    "the netherlands": "NL",
    "kosovo": "XK",
    "macedonia": "MK",
    "swaziland": "SZ",
    "burma": "MM",
    "cape verde": "CV",
    "east timor": "TL",
    "vatican": "VA",
    "palestine": "PS",
    "laos": "LA",
    "micronesia": "FM",
    "us virgin islands": "VI",
    # Names in the country's own language that exports carry.
    "espana": "ES",
    "deutschland": "DE",
    "brasil": "BR",
    "italia": "IT",
    "nederland": "NL",
    "osterreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "belgique": "BE",
    "belgie": "BE",
    "polska": "PL",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "turkiye": "TR",
    "magyarorszag": "HU",
    "ceska republika": "CZ",
    "nihon": "JP",
    "nippon": "JP",
}
_KNOWN_EXTRA = {"XK"}  # user-assigned code in wide use for Kosovo
_ISO_CODES = frozenset(str(c.alpha_2) for c in pycountry.countries) | _KNOWN_EXTRA


class UnknownPlace(ValueError):
    pass


def repair_mojibake(text: str) -> str:
    """UTF-8 text that was once decoded as Latin-1 (`CÃ´te d'Ivoire`) back to what was meant."""
    if "Ã" not in text and "Â" not in text and "â€" not in text:
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


@lru_cache(maxsize=4096)
def _country_code(text: str) -> str | None:
    folded = _fold(text)
    if folded in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[folded]
    if len(folded) == 2 and folded.isalpha():
        upper = folded.upper()
        if upper in _KNOWN_EXTRA or pycountry.countries.get(alpha_2=upper) is not None:
            return upper
        return None
    if len(folded) == 3 and folded.isalpha():
        found = pycountry.countries.get(alpha_3=folded.upper())
        if found is not None:
            return str(found.alpha_2)
    try:
        return str(pycountry.countries.lookup(text.strip()).alpha_2)
    except LookupError:
        pass
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        if folded in {_fold(name) for name in names if name}:
            return str(country.alpha_2)
    return None


def normalize_country(raw: object) -> str | None:
    """`United Kingdom`, `GB`, `GBR`, `uk` are all `GB`; None for a missing cell; UnknownPlace otherwise."""
    if isinstance(raw, str) and len(raw) == 2 and raw.isupper() and raw in _ISO_CODES:
        return raw
    if is_missing(raw):
        return None
    text = repair_mojibake(str(raw).strip())
    code = _country_code(text)
    if code is None:
        raise UnknownPlace(f"{text!r} is not a known country")
    return code


@lru_cache(maxsize=1024)
def _language_code(text: str) -> str | None:
    folded = text.strip().lower().replace("_", "-")
    primary = folded.split("-")[0]
    if len(primary) == 2 and pycountry.languages.get(alpha_2=primary) is not None:
        return primary
    try:
        found = pycountry.languages.lookup(text.strip())
    except LookupError:
        return None
    code = getattr(found, "alpha_2", None)
    return str(code) if code else None


def normalize_language(raw: object) -> str | None:
    """`English`, `en`, `en-US` are all `en`."""
    if is_missing(raw):
        return None
    code = _language_code(str(raw))
    if code is None:
        raise UnknownPlace(f"{str(raw).strip()!r} is not a known language")
    return code
