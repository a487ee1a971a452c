"""The org's API keys for partner integrations (application/api_keys.py)."""

from uuid import UUID

from fastapi import APIRouter, Response, status

from gateway.api.dependencies import SHOWS_SECRET_ONCE, KeyAdmin, UnitOfWorkDep
from gateway.api.presenters import api_key_created, api_key_public
from gateway.api.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyPublic
from gateway.application import api_keys

router = APIRouter(prefix="/api/v1/api-keys", tags=["identity"])


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[SHOWS_SECRET_ONCE])
async def create_api_key(body: ApiKeyCreate, caller: KeyAdmin, uow: UnitOfWorkDep, response: Response) -> ApiKeyCreated:
    """Create an API key for a partner integration; the key is shown once."""
    record, key = await api_keys.create(uow, caller, name=body.name, scopes=body.scopes, expires_at=body.expires_at)
    response.headers["Location"] = f"/api/v1/api-keys/{record.id}"
    return api_key_created(record, key)


@router.get("")
async def list_api_keys(caller: KeyAdmin, uow: UnitOfWorkDep) -> list[ApiKeyPublic]:
    """The org's API keys (never the keys themselves)."""
    return [api_key_public(r) for r in await api_keys.list_keys(uow, caller)]


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_key(key_id: UUID, caller: KeyAdmin, uow: UnitOfWorkDep) -> None:
    """Revoke a key and the tokens issued for it: refused at once here, by the other gateway
    replicas within a second or two."""
    await api_keys.revoke(uow, caller, key_id)
