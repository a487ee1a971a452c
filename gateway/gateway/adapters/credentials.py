"""API keys and refresh tokens: high-entropy secrets stored only as SHA-256 hashes.

An API key reads `ik_<prefix>_<secret>`: the prefix finds the row, the hash of the whole key
proves it. It is shown once, at creation.
"""

import hashlib
import hmac
import secrets
import time
import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.tables import api_keys, refresh_tokens, users
from gateway.domain.accounts import ApiKeyRecord, InvalidRefreshToken, RefreshGrant
from gateway.domain.identity import Principal

API_KEY_PREFIX = "ik_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class KeyedDigest:
    """HMAC-SHA-256 of values too few to hide behind a plain hash (an IPv4 address is one of 2^32:
    all are hashed in minutes), under a key derived from a secret of the gateway for one purpose
    only. Equal values give equal digests while the secret stays; a new secret starts afresh."""

    def __init__(self, secret: str, purpose: str) -> None:
        self._key = hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).digest()

    def __call__(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()


def new_api_key() -> tuple[str, str]:
    prefix = secrets.token_hex(8)
    return prefix, f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"


def key_prefix(full_key: str) -> str | None:
    if not full_key.startswith(API_KEY_PREFIX):
        return None
    prefix, _, secret = full_key.removeprefix(API_KEY_PREFIX).partition("_")
    return prefix if prefix and secret else None


def _record(row: object) -> ApiKeyRecord:
    return ApiKeyRecord(
        id=row.id,  # type: ignore[attr-defined]
        org_id=row.org_id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        prefix=row.prefix,  # type: ignore[attr-defined]
        scopes=list(row.scopes),  # type: ignore[attr-defined]
        created_at=row.created_at,  # type: ignore[attr-defined]
        expires_at=row.expires_at,  # type: ignore[attr-defined]
        revoked_at=row.revoked_at,  # type: ignore[attr-defined]
        created_by=row.created_by,  # type: ignore[attr-defined]
        created_by_email=row.created_by_email,  # type: ignore[attr-defined]
    )


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self, org_id: UUID, name: str, scopes: list[str], expires_at: datetime | None, created_by: UUID | None
    ) -> tuple[ApiKeyRecord, str]:
        prefix, full_key = new_api_key()
        record = ApiKeyRecord(
            id=uuid.uuid4(),
            org_id=org_id,
            name=name,
            prefix=prefix,
            scopes=sorted(set(scopes)),
            created_at=datetime.now(UTC),
            expires_at=expires_at,
            revoked_at=None,
            created_by=created_by,
        )
        await self.session.execute(
            insert(api_keys).values(
                id=record.id,
                org_id=org_id,
                name=name,
                prefix=prefix,
                secret_hash=hash_secret(full_key),
                scopes=record.scopes,
                created_by=created_by,
                created_at=record.created_at,
                expires_at=expires_at,
            )
        )
        return record, full_key

    async def for_org(self, org_id: UUID) -> list[ApiKeyRecord]:
        rows = await self.session.execute(
            select(api_keys, users.c.email.label("created_by_email"))
            .outerjoin(users, users.c.id == api_keys.c.created_by)
            .where(api_keys.c.org_id == org_id)
            .order_by(api_keys.c.created_at.desc())
        )
        return [_record(row) for row in rows]

    async def revoke_made_by(self, org_id: UUID, user_id: UUID) -> list[UUID]:
        """Revokes the live keys a member made in an org; their ids."""
        made = list(
            await self.session.scalars(
                select(api_keys.c.id).where(
                    api_keys.c.org_id == org_id, api_keys.c.created_by == user_id, api_keys.c.revoked_at.is_(None)
                )
            )
        )
        if made:
            await self.session.execute(
                update(api_keys).where(api_keys.c.id.in_(made)).values(revoked_at=datetime.now(UTC))
            )
        return made

    async def revoke(self, org_id: UUID, key_id: UUID) -> bool:
        result = await self.session.execute(
            update(api_keys)
            .where(api_keys.c.id == key_id, api_keys.c.org_id == org_id, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
        if result.rowcount:
            return True
        exists = await self.session.scalar(
            select(api_keys.c.id).where(api_keys.c.id == key_id, api_keys.c.org_id == org_id)
        )
        return exists is not None

    async def principal(self, full_key: str, now: datetime) -> Principal | None:
        prefix = key_prefix(full_key)
        if prefix is None:
            return None
        row = (await self.session.execute(select(api_keys).where(api_keys.c.prefix == prefix))).first()
        if row is None or not hmac.compare_digest(row.secret_hash, hash_secret(full_key)):
            return None
        if row.revoked_at is not None or (row.expires_at is not None and row.expires_at <= now):
            return None
        return Principal(
            user_id=row.id,
            org_id=row.org_id,
            roles=frozenset(),
            scopes=frozenset(row.scopes),
            is_api_key=True,
            expires_at=row.expires_at,
        )


class RefreshTokenRepository:
    """Refresh tokens rotate: each use returns a new one and revokes the old. Using a revoked one
    again means it was stolen, so the whole family (every token descended from one login) dies."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def issue(self, user_id: UUID, org_id: UUID, ttl: timedelta, family_id: UUID | None = None) -> RefreshGrant:
        token = secrets.token_urlsafe(48)
        now = datetime.now(UTC)
        grant = RefreshGrant(token, user_id, org_id, family_id or uuid.uuid4())
        await self.session.execute(
            insert(refresh_tokens).values(
                id=uuid.uuid4(),
                family_id=grant.family_id,
                user_id=user_id,
                org_id=org_id,
                token_hash=hash_secret(token),
                created_at=now,
                expires_at=now + ttl,
            )
        )
        return grant

    async def rotate(self, token: str, ttl: timedelta) -> RefreshGrant:
        """The new refresh token of the same login; InvalidRefreshToken (naming the family when
        a spent token came back: the caller must revoke that login) if this one is not usable."""
        row = (
            await self.session.execute(select(refresh_tokens).where(refresh_tokens.c.token_hash == hash_secret(token)))
        ).first()
        now = datetime.now(UTC)
        if row is None:
            raise InvalidRefreshToken("unknown refresh token")
        if row.expires_at <= now:
            raise InvalidRefreshToken("refresh token expired")
        spent = await self.session.execute(
            update(refresh_tokens)
            .where(refresh_tokens.c.id == row.id, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        if not spent.rowcount:  # used before (or by a concurrent request just now)
            await self.session.execute(
                update(refresh_tokens)
                .where(refresh_tokens.c.family_id == row.family_id, refresh_tokens.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            raise InvalidRefreshToken(
                "refresh token already used or revoked; every token of this login is now revoked",
                reused_family=row.family_id,
            )
        return await self.issue(row.user_id, row.org_id, ttl, family_id=row.family_id)

    async def revoke_member(self, user_id: UUID, org_id: UUID) -> list[UUID]:
        """Revokes a user's live refresh tokens for one org; the logins (families) they belonged to."""
        live = (refresh_tokens.c.user_id == user_id, refresh_tokens.c.org_id == org_id)
        families = list(
            await self.session.scalars(
                select(refresh_tokens.c.family_id).where(*live, refresh_tokens.c.revoked_at.is_(None)).distinct()
            )
        )
        await self.session.execute(
            update(refresh_tokens)
            .where(*live, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
        return families


class ApiKeyCache:
    """Verified keys for a few seconds, so that a busy integration does not cost a query per
    request. A revoked key stops working within `ttl_s`, an expired one when it expires."""

    def __init__(self, ttl_s: float = 30.0, max_entries: int = 10_000) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Principal | None]] = {}

    def get(self, full_key: str) -> tuple[bool, Principal | None]:
        entry = self._entries.get(hash_secret(full_key))
        if entry is None or entry[0] < time.monotonic():
            return False, None
        principal = entry[1]
        if principal is not None and principal.expires_at is not None and principal.expires_at <= datetime.now(UTC):
            return True, None  # expired while cached: refused from that moment, not up to ttl_s later
        return True, principal

    def put(self, full_key: str, principal: Principal | None) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[hash_secret(full_key)] = (time.monotonic() + self.ttl_s, principal)

    def forget(self, key_id: UUID) -> None:
        self.forget_all({key_id})

    def forget_all(self, key_ids: set[UUID]) -> None:
        self._entries = {h: e for h, e in self._entries.items() if e[1] is None or e[1].user_id not in key_ids}
