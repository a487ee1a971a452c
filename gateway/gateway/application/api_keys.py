"""API keys of partner integrations: made and revoked by the org's owners and managers, shown once."""

from datetime import UTC, datetime
from uuid import UUID

from gateway.application import webhooks
from gateway.application.ports import UnitOfWork
from gateway.domain.accounts import ApiKeyRecord
from gateway.domain.identity import Principal
from gateway.domain.revocation import RevocationKind
from servicekit.errors import InvalidField, NotFound


async def create(
    uow: UnitOfWork, caller: Principal, *, name: str, scopes: list[str], expires_at: datetime | None
) -> tuple[ApiKeyRecord, str]:
    """The key's record and the key itself."""
    if expires_at is not None and expires_at <= datetime.now(UTC):
        raise InvalidField("body.expires_at", "is in the past")
    return await uow.api_keys.add(caller.org_id, name, scopes, expires_at, caller.user_id)


async def list_keys(uow: UnitOfWork, caller: Principal) -> list[ApiKeyRecord]:
    return await uow.api_keys.for_org(caller.org_id)


async def revoke(uow: UnitOfWork, caller: Principal, key_id: UUID) -> None:
    """The key and the tokens issued for it end: here at once, on the other replicas within seconds;
    the webhooks it made stop."""
    if not await uow.api_keys.revoke(caller.org_id, key_id):
        raise NotFound("API key", key_id)
    await uow.revoke(RevocationKind.API_KEY, [key_id])
    await webhooks.disable_made_by_keys(uow, caller.org_id, [key_id])
