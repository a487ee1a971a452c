"""Writing an import's chunk so that a row the database refuses never fails the rows beside it.

The row parser rejects what it knows the database refuses (domain/limits.py); should a value get
through anyway, the chunk's write fails. It is then written again in halves, each under a
savepoint of the chunk's transaction, down to the single rows the database refuses: those are
left out with a plain reason (the exception goes to the log), the others are written. The common
case costs one savepoint per chunk."""

import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar

import asyncpg
from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)

# Errors about the values written: data exceptions (SQLSTATE class 22) and integrity violations
# (class 23), as SQLAlchemy wraps them or as asyncpg's COPY raises them, and the drivers' own
# refusals of a value they cannot encode. Anything else (a lost connection) fails the chunk.
REFUSED = (
    sa_exc.DataError,
    sa_exc.IntegrityError,
    asyncpg.DataError,
    asyncpg.IntegrityConstraintViolationError,
    OverflowError,
    UnicodeError,
)
_CLASHES = (sa_exc.IntegrityError, asyncpg.IntegrityConstraintViolationError)


def _sqlstate(error: BaseException) -> str | None:
    seen: BaseException | None = error
    while seen is not None:
        state = getattr(seen, "sqlstate", None)
        if isinstance(state, str):
            return state
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def refusal_reason(error: BaseException) -> tuple[str, str]:
    """The field and a plain reason for a row the database refused with `error`."""
    state = _sqlstate(error) or ""
    if isinstance(error, _CLASHES) or state.startswith("23"):
        return "handle", "another profile took this handle while the import ran; import the row again"
    if isinstance(error, OverflowError) or state == "22003":
        return "row", "a number in it is larger than the database stores"
    if state == "22001":
        return "row", "a text in it is longer than the database stores"
    if isinstance(error, UnicodeError) or state in ("22021", "22P05"):
        return "row", "a text in it holds a character the database cannot store"
    if state in ("22007", "22008"):
        return "row", "a date in it is out of the range the database stores"
    return "row", "the database refused it"


async def write_isolating(
    session: AsyncSession,
    keys: Sequence[K],
    write: Callable[[Sequence[K]], Awaitable[None]],
    *,
    clash_retry: bool,
) -> dict[K, tuple[str, str]]:
    """Writes the rows of `keys` (`write` writes the rows of the keys it is given); returns the
    keys of the rows the database refused, with the field and reason, having written the others.
    While `clash_retry`, an integrity violation is raised instead: the chunk may be planned again
    against what another writer stored meanwhile."""
    refused: dict[K, tuple[str, str]] = {}

    async def attempt(part: Sequence[K]) -> None:
        try:
            async with session.begin_nested():
                await write(part)
            return
        except REFUSED as error:
            if clash_retry and isinstance(error, _CLASHES):
                raise
            if len(part) > 1:
                middle = len(part) // 2
                await attempt(part[:middle])
                await attempt(part[middle:])
                return
            log.warning("import: the database refused a row; it is rejected", exc_info=True)
            refused[part[0]] = refusal_reason(error)

    if keys:
        await attempt(list(keys))
    return refused
