"""The in-memory revocation list every request is checked against, and its sharing between
replicas through the gateway database (SQLite here; PostgreSQL under make test-integration)."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from devstack.databases import DatabaseFactory
from gateway.adapters.credentials import ApiKeyCache
from gateway.adapters.revocations import Revocations, RevocationSync
from gateway.adapters.tables import revocations
from gateway.domain.identity import Principal
from gateway.domain.revocation import CLOCK_MARGIN, RevocationKind, RevocationList, revocation
from gateway.main import MIGRATIONS
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head

TTL = timedelta(minutes=15)


def person(**ids: uuid.UUID) -> Principal:
    return Principal(
        user_id=uuid.uuid4(),
        org_id=uuid.uuid4(),
        roles=frozenset({"manager"}),
        session_id=ids.get("session_id", uuid.uuid4()),
        grant_id=ids.get("grant_id", uuid.uuid4()),
    )


def key(key_id: uuid.UUID) -> Principal:
    return Principal(user_id=key_id, org_id=uuid.uuid4(), roles=frozenset(), is_api_key=True)


def test_a_revoked_login_membership_or_key_is_refused_and_nothing_else() -> None:
    login, grant, key_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    listed = RevocationList()
    now = datetime.now(UTC)
    listed.add(
        [
            revocation(RevocationKind.SESSION, login, at=now, token_ttl=TTL),
            revocation(RevocationKind.GRANT, grant, at=now, token_ttl=TTL),
            revocation(RevocationKind.API_KEY, key_id, at=now, token_ttl=TTL),
        ]
    )
    assert listed.refuses(person(session_id=login))
    assert listed.refuses(person(grant_id=grant))
    assert listed.refuses(key(key_id))
    assert not listed.refuses(person())
    assert not listed.refuses(key(uuid.uuid4()))


def test_entries_are_forgotten_once_every_token_they_refuse_has_expired() -> None:
    listed = RevocationList()
    grant = uuid.uuid4()
    at = datetime.now(UTC)
    listed.add([revocation(RevocationKind.GRANT, grant, at=at, token_ttl=TTL)])
    listed.sweep((at + TTL).timestamp())  # a token issued just before may still be live
    assert listed.refuses(person(grant_id=grant))
    listed.sweep((at + TTL + CLOCK_MARGIN).timestamp() + 1)
    assert len(listed) == 0
    assert not listed.refuses(person(grant_id=grant))


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("gateway_revocations"))
    await upgrade_to_head(database, MIGRATIONS)
    try:
        yield database
    finally:
        await database.dispose()


def replica(database: Database) -> tuple[Revocations, RevocationSync]:
    revocations_ = Revocations(RevocationList(), ApiKeyCache(), TTL)
    return revocations_, RevocationSync(database, revocations_, interval_s=1)


async def test_a_revocation_reaches_the_other_replicas_and_one_started_later(database: Database) -> None:
    (here, _), (there, there_sync) = replica(database), replica(database)
    await there_sync.run_once()
    grant, key_id = uuid.uuid4(), uuid.uuid4()
    there.key_cache.put("ik_abc_secret", key(key_id))

    async with database.session() as session:
        await here.revoke(session, RevocationKind.GRANT, [grant])
        await here.revoke(session, RevocationKind.API_KEY, [key_id])
        assert not here.revoked.refuses(person(grant_id=grant))  # not before it commits
    assert here.revoked.refuses(person(grant_id=grant))

    assert not there.revoked.refuses(person(grant_id=grant))
    await there_sync.run_once()
    assert there.revoked.refuses(person(grant_id=grant))
    assert there.revoked.refuses(key(key_id))
    assert there.key_cache.get("ik_abc_secret") == (False, None)  # its cache forgot the key

    later, later_sync = replica(database)
    await later_sync.run_once()
    assert later.revoked.refuses(person(grant_id=grant))


async def test_a_rolled_back_revocation_applies_nowhere(database: Database) -> None:
    here, _ = replica(database)
    grant = uuid.uuid4()

    async def failing_request() -> None:
        async with database.session() as session:
            await here.revoke(session, RevocationKind.GRANT, [grant])
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        await failing_request()
    assert not here.revoked.refuses(person(grant_id=grant))
    _, sync = replica(database)
    await sync.run_once()
    assert not sync.revocations.revoked.refuses(person(grant_id=grant))


async def test_expired_revocations_are_neither_loaded_nor_kept(database: Database) -> None:
    long_ago = datetime.now(UTC) - 2 * (TTL + CLOCK_MARGIN)
    async with database.session() as session:
        await session.execute(
            revocations.insert().values(
                kind="grant", subject=uuid.uuid4(), at=long_ago, expires_at=long_ago + TTL + CLOCK_MARGIN
            )
        )
    started, sync = replica(database)
    await sync.run_once()
    assert len(started.revoked) == 0
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(revocations)) == 0
