from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response, status
from pydantic import BaseModel, Field, field_validator

from gateway.adapters.credentials import ApiKeyRecord, ApiKeyRepository
from gateway.adapters.revocations import Revocations
from gateway.adapters.security import Caller
from gateway.domain.access import KNOWN_SCOPES
from gateway.domain.administration import require_key_admin
from gateway.domain.identity import Principal
from gateway.domain.revocation import RevocationKind
from gateway.domain.routing import SCOPE_RESOURCES
from servicekit.app import DbSession
from servicekit.errors import InvalidField, NotFound
from servicekit.schemas import RequestModel

router = APIRouter(prefix="/api/v1/api-keys", tags=["identity"])


async def _key_admin(caller: Caller) -> Principal:
    require_key_admin(caller)
    return caller


KeyAdmin = Annotated[Principal, Depends(_key_admin)]


class ApiKeyCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200, examples=["Shopify conversions"])
    scopes: list[Annotated[str, Field(json_schema_extra={"enum": sorted(KNOWN_SCOPES)})]] = Field(
        min_length=1,
        examples=[["conversions:write"]],
        description="`<resource>:read` or `<resource>:write`, resources: "
        + "; ".join(f"`{name}` ({covers})" for name, covers in SCOPE_RESOURCES.items()),
    )
    expires_at: datetime | None = None

    @field_validator("scopes")
    @classmethod
    def _known(cls, scopes: list[str]) -> list[str]:
        unknown = sorted(set(scopes) - KNOWN_SCOPES)
        if unknown:
            raise ValueError(f"unknown scopes {unknown}; known: {sorted(KNOWN_SCOPES)}")
        return scopes


class ApiKeyCreator(BaseModel):
    id: UUID
    email: str | None = Field(description="None once the user no longer exists")


class ApiKeyPublic(BaseModel):
    id: UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    created_by: ApiKeyCreator | None = Field(description="The member who made the key and saw its secret")
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The key itself, shown only now: send it as X-API-Key or a bearer token")


def _public(record: ApiKeyRecord) -> ApiKeyPublic:
    return ApiKeyPublic(
        id=record.id,
        name=record.name,
        prefix=record.prefix,
        scopes=record.scopes,
        created_at=record.created_at,
        created_by=(ApiKeyCreator(id=record.created_by, email=record.created_by_email) if record.created_by else None),
        expires_at=record.expires_at,
        revoked_at=record.revoked_at,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_api_key(body: ApiKeyCreate, caller: KeyAdmin, session: DbSession, response: Response) -> ApiKeyCreated:
    """Create an API key for a partner integration; the key is shown once."""
    if body.expires_at is not None:
        if body.expires_at.tzinfo is None:
            raise InvalidField("expires_at", "needs a time zone (RFC 3339)")
        if body.expires_at <= datetime.now(UTC):
            raise InvalidField("expires_at", "is in the past")
    record, key = await ApiKeyRepository(session).add(
        caller.org_id, body.name, body.scopes, body.expires_at, caller.user_id
    )
    response.headers["Location"] = f"/api/v1/api-keys/{record.id}"
    return ApiKeyCreated(**_public(record).model_dump(), key=key)


@router.get("")
async def list_api_keys(caller: KeyAdmin, session: DbSession) -> list[ApiKeyPublic]:
    """The org's API keys (never the keys themselves)."""
    return [_public(r) for r in await ApiKeyRepository(session).for_org(caller.org_id)]


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_key(key_id: UUID, caller: KeyAdmin, session: DbSession, request: Request) -> None:
    """Revoke a key and the tokens issued for it: refused at once here, by the other gateway
    replicas within a second or two."""
    if not await ApiKeyRepository(session).revoke(caller.org_id, key_id):
        raise NotFound("API key", key_id)
    revocations: Revocations = request.app.state.revocations
    await revocations.revoke(session, RevocationKind.API_KEY, [key_id])
