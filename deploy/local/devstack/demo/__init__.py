"""The demo account `make demo` loads through the gateway (see story.py for what it holds)."""

from datetime import UTC, datetime
from pathlib import Path

import httpx

from devstack.mailbox import Mailbox

from .campaigns import Northwind
from .loader import AlreadyLoaded, exports_folder
from .story import ADMIN, ANALYST, CREATORS, MANAGER, OWNER, PASSWORD, Story

REPO = Path(__file__).resolve().parents[4]
__all__ = ["AlreadyLoaded", "Northwind", "load", "logins"]


async def load(
    gateway: httpx.AsyncClient, mailbox: Mailbox, gateway_env: dict[str, str], exports: Path | None = None
) -> Northwind:
    """Loads the demo account through `gateway` (a client on the gateway); AlreadyLoaded if it is there."""
    demo = Northwind(gateway, mailbox, gateway_env, exports or exports_folder(REPO), Story(datetime.now(UTC).date()))
    await demo.load()
    return demo


def logins(gateway_url: str, api_key: str | None = None) -> str:
    """What a person needs to look around: who to sign in as, and what to open."""
    people = [(OWNER, "owner"), (MANAGER, "manager"), (ANALYST, "analyst (read-only)")]
    people += [(f"{handle}@creators.test", "creator") for handle in CREATORS]
    people.append((ADMIN, "platform admin"))
    lines = [f"  {email:<28} {role}" for email, role in people]
    key = f"\n  partner API key (orders, insights): {api_key}" if api_key else ""
    return (
        f"demo account (password for everyone: {PASSWORD}):\n" + "\n".join(lines) + key + "\n"
        f"  try: {gateway_url}/docs, and README.md's 'The demo' for curl examples"
    )
