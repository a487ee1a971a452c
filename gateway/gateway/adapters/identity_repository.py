from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Row, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.adapters.tables import creator_profiles, memberships, orgs, users
from gateway.domain.accounts import MembershipRecord, OrgRecord, UserRecord
from gateway.domain.identity import OrgKind, Role
from servicekit.errors import Conflict


class IdentityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_org(self, name: str, kind: OrgKind, org_id: UUID | None = None) -> OrgRecord:
        org = OrgRecord(id=org_id or uuid4(), name=name, kind=kind, created_at=datetime.now(UTC))
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

    async def add_membership(self, org_id: UUID, user_id: UUID, role: Role) -> MembershipRecord:
        record = MembershipRecord(
            org_id=org_id, user_id=user_id, role=role, created_at=datetime.now(UTC), grant_id=uuid4()
        )
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(memberships).values(
                        org_id=org_id,
                        user_id=user_id,
                        role=role.value,
                        created_at=record.created_at,
                        grant_id=record.grant_id,
                    )
                )
        except IntegrityError:
            raise Conflict("already a member of this org") from None
        return record

    async def change_role(self, membership: MembershipRecord, role: Role) -> MembershipRecord:
        """The membership with its new role and a new grant: tokens naming the old one can be revoked."""
        changed = MembershipRecord(
            org_id=membership.org_id,
            user_id=membership.user_id,
            role=role,
            created_at=membership.created_at,
            grant_id=uuid4(),
        )
        await self.session.execute(
            update(memberships)
            .where(memberships.c.org_id == membership.org_id, memberships.c.user_id == membership.user_id)
            .values(role=role.value, grant_id=changed.grant_id)
        )
        return changed

    async def renew_grants(self, user_id: UUID) -> list[UUID]:
        """New grants for every membership of a user (their platform role changed); the old ones."""
        old = list(await self.session.scalars(select(memberships.c.grant_id).where(memberships.c.user_id == user_id)))
        for grant_id in old:
            await self.session.execute(
                update(memberships).where(memberships.c.grant_id == grant_id).values(grant_id=uuid4())
            )
        return old

    async def membership(self, org_id: UUID, user_id: UUID) -> MembershipRecord | None:
        row = (
            await self.session.execute(
                select(memberships).where(memberships.c.org_id == org_id, memberships.c.user_id == user_id)
            )
        ).first()
        return _membership(row) if row else None

    async def has_member(self, org_id: UUID, email: str) -> bool:
        """One query whether or not the email has an account: it takes as long either way."""
        found = await self.session.scalar(
            select(memberships.c.user_id)
            .join(users, users.c.id == memberships.c.user_id)
            .where(memberships.c.org_id == org_id, users.c.email == email)
        )
        return found is not None

    async def members(self, org_id: UUID) -> list[tuple[MembershipRecord, UserRecord]]:
        rows = await self.session.execute(
            select(
                memberships.c.role,
                memberships.c.created_at.label("joined_at"),
                memberships.c.grant_id,
                users.c.id,
                users.c.email,
                users.c.password_hash,
                users.c.display_name,
                users.c.is_platform_admin,
                users.c.created_at,
            )
            .join(users, users.c.id == memberships.c.user_id)
            .where(memberships.c.org_id == org_id)
            .order_by(memberships.c.created_at)
        )
        return [
            (
                MembershipRecord(
                    org_id=org_id, user_id=r.id, role=Role(r.role), created_at=r.joined_at, grant_id=r.grant_id
                ),
                UserRecord(
                    id=r.id,
                    email=r.email,
                    password_hash=r.password_hash,
                    display_name=r.display_name,
                    is_platform_admin=r.is_platform_admin,
                    created_at=r.created_at,
                ),
            )
            for r in rows
        ]

    async def count_owners(self, org_id: UUID) -> int:
        """Locks the owners' rows till the commit: two owners demoting each other at once must
        not leave the org without one (SQLite's writers take turns anyway)."""
        owners = await self.session.scalars(
            select(memberships.c.user_id)
            .where(memberships.c.org_id == org_id, memberships.c.role == Role.OWNER.value)
            .with_for_update()
        )
        return len(owners.all())

    async def remove_membership(self, org_id: UUID, user_id: UUID) -> None:
        await self.session.execute(
            delete(memberships).where(memberships.c.org_id == org_id, memberships.c.user_id == user_id)
        )

    async def influencer_claimed(self, influencer_id: UUID) -> bool:
        claimed = await self.session.scalar(
            select(creator_profiles.c.user_id).where(creator_profiles.c.influencer_id == influencer_id)
        )
        return claimed is not None

    async def claim_influencer(self, user_id: UUID, influencer_id: UUID) -> None:
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(creator_profiles).values(
                        user_id=user_id, influencer_id=influencer_id, claimed_at=datetime.now(UTC)
                    )
                )
        except IntegrityError:
            raise Conflict("this influencer profile is already claimed") from None

    async def influencer_of(self, user_id: UUID) -> UUID | None:
        return await self.session.scalar(
            select(creator_profiles.c.influencer_id).where(creator_profiles.c.user_id == user_id)
        )

    async def set_platform_admin(self, email: str, is_admin: bool) -> bool:
        result = await self.session.execute(
            update(users).where(users.c.email == email).values(is_platform_admin=is_admin)
        )
        return bool(result.rowcount)

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
        return [_membership(r) for r in rows]


def _membership(row: Row[Any]) -> MembershipRecord:
    return MembershipRecord(
        org_id=row.org_id, user_id=row.user_id, role=Role(row.role), created_at=row.created_at, grant_id=row.grant_id
    )
