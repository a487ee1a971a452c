"""What the database stores of a profile: the one place its column limits are written down.

The tables (adapters/tables.py) are declared with these, and an import checks each row against
them, so that a row the database would refuse is rejected with a plain reason instead of failing
the chunk it is in."""

# BIGINT: followers, following, posts, and prices in minor units.
MAX_COUNT = 2**63 - 1
MAX_HANDLE = 100
MAX_DISPLAY_NAME = 200
MAX_BIO = 5000
MAX_CATEGORY = 60
MAX_CATEGORIES = 20
MAX_SPONSORS = 50
MAX_CONTACT = 300
# PostgreSQL keeps no NUL character (U+0000) in text, nor in JSONB.
NUL = "\x00"
NUL_REFUSED = "holds a NUL character, which cannot be stored"


def count_too_large(count: int) -> str:
    return f"{count} is larger than the largest count we store ({MAX_COUNT})"


def amount_too_large(written: object) -> str:
    return f"{written!r} is larger than the largest amount we store ({MAX_COUNT} minor units)"
