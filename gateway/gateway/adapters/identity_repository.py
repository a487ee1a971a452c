from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.tables import memberships, orgs, users
from gateway.domain.identity import OrgKind, Role
from servicekit.errors import Conflict


@dataclass(frozen=True)
class OrgRecord:
    id: UUID
    name: str
    kind: OrgKind
    created_at: datetime


@dataclass(frozen=True)
class UserRecord:
    id: UUID
    email: str
    password_hash: str
    display_name: str | None
    is_platform_admin: bool
    created_at: datetime


@dataclass(frozen=True)
class MembershipRecord:
    org_id: UUID
    user_id: UUID
    role: Role


class IdentityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_org(self, name: str, kind: OrgKind) -> OrgRecord:
        org = OrgRecord(id=uuid4(), name=name, kind=kind, created_at=datetime.now(UTC))
        await self.session.execute(
            insert(orgs).values(id=org.id, name=name, kind=kind.value, created_at=org.created_at)
        )
        return org

    async def add_user(self, email: str, password_hash: str, display_name: str | None) -> UserRecord:
        user = UserRecord(
            id=uuid4(),
            email=email,
            password_hash=password_hash,
            display_name=display_name,
            is_platform_admin=False,
            created_at=datetime.now(UTC),
        )
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(users).values(
                        id=user.id,
                        email=email,
                        password_hash=password_hash,
                        display_name=display_name,
                        is_platform_admin=False,
                        created_at=user.created_at,
                    )
                )
        except IntegrityError:
            raise Conflict(f"a user with email {email} already exists") from None
        return user

    async def add_membership(self, org_id: UUID, user_id: UUID, role: Role) -> None:
        await self.session.execute(
            insert(memberships).values(org_id=org_id, user_id=user_id, role=role.value, created_at=datetime.now(UTC))
        )

    async def user_by_email(self, email: str) -> UserRecord | None:
        row = (await self.session.execute(select(users).where(users.c.email == email))).first()
        return UserRecord(**row._mapping) if row else None

    async def user(self, user_id: UUID) -> UserRecord | None:
        row = (await self.session.execute(select(users).where(users.c.id == user_id))).first()
        return UserRecord(**row._mapping) if row else None

    async def org(self, org_id: UUID) -> OrgRecord | None:
        row = (await self.session.execute(select(orgs).where(orgs.c.id == org_id))).first()
        return OrgRecord(id=row.id, name=row.name, kind=OrgKind(row.kind), created_at=row.created_at) if row else None

    async def memberships_of(self, user_id: UUID) -> list[MembershipRecord]:
        rows = (
            await self.session.execute(
                select(memberships).where(memberships.c.user_id == user_id).order_by(memberships.c.created_at)
            )
        ).all()
        return [MembershipRecord(org_id=r.org_id, user_id=r.user_id, role=Role(r.role)) for r in rows]
