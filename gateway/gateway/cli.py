"""Operator commands: `python -m gateway.cli make-admin EMAIL` (or `revoke-admin EMAIL`).

Platform admins write the shared influencer catalogue; the role is granted here, never over the API.
"""

import argparse
import asyncio
import sys
from datetime import timedelta

from gateway.adapters.identity_repository import IdentityRepository
from gateway.adapters.revocations import write_revocations
from gateway.domain.identity import normalize_email
from gateway.domain.revocation import RevocationKind
from gateway.main import MIGRATIONS
from gateway.settings import GatewaySettings
from servicekit.db import Database
from servicekit.migrations import upgrade_to_head


async def set_admin(email: str, is_admin: bool, settings: GatewaySettings | None = None) -> bool:
    """Taking the role back also ends the tokens carrying it, on every running gateway replica
    within seconds: the user's memberships get new grants and the old ones are revoked."""
    settings = settings or GatewaySettings()
    database = Database(settings.database_url)
    try:
        await upgrade_to_head(database, MIGRATIONS)
        async with database.session() as session:
            repo = IdentityRepository(session)
            user = await repo.user_by_email(normalize_email(email))
            if user is None:
                return False
            await repo.set_platform_admin(user.email, is_admin)
            if not is_admin:
                ttl = timedelta(seconds=settings.access_token_ttl_s)
                await write_revocations(session, RevocationKind.GRANT, await repo.renew_grants(user.id), ttl)
            return True
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gateway.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("make-admin", "grant"), ("revoke-admin", "take back")):
        command = commands.add_parser(name, help=f"{text} the platform admin role of an existing user")
        command.add_argument("email")
    args = parser.parse_args(argv)
    try:
        normalize_email(args.email)
    except ValueError as exc:
        parser.error(f"{args.email}: {exc}")
    if not asyncio.run(set_admin(args.email, args.command == "make-admin")):
        print(f"no user with email {args.email}", file=sys.stderr)
        return 1
    print(f"{args.email}: platform admin {'granted' if args.command == 'make-admin' else 'revoked'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
