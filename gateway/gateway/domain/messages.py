"""What the gateway mails: sign-up confirmations and invitations. One text per purpose, the same
whether or not the address has an account, so that sending it tells nothing either."""

import json
from dataclasses import dataclass
from datetime import datetime

CONFIRMATION_TOKEN = "Confirmation token"
INVITATION_TOKEN = "Invitation token"


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str


@dataclass(frozen=True)
class Links:
    """Where a reader acts: the front end when there is one (its pages take the token from the
    URL fragment, which no server sees), else the API itself."""

    api_url: str
    frontend_url: str | None = None


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def confirmation(to: str, token: str, purpose: str, expires_at: datetime, links: Links) -> Mail:
    """`purpose` completes "asked to ...", e.g. 'create the brand org "Acme"'."""
    if links.frontend_url:
        how = f"To confirm, open {links.frontend_url.rstrip('/')}/confirm#token={token}"
    else:
        body = json.dumps({"token": token})
        how = (
            "To confirm, send the token to the API:\n"
            f"  curl -XPOST {links.api_url}/api/v1/signups/confirm -H 'content-type: application/json' -d '{body}'"
        )
    text = (
        f"Someone (we hope you) asked to {purpose} with this email address.\n\n"
        f"{how}\n\n"
        f"{CONFIRMATION_TOKEN}: {token}\n\n"
        f"It expires at {_when(expires_at)}. If you did not ask for this, ignore this mail: nothing happens.\n"
        "If this address has an account already, confirming adds to that account and leaves its password "
        "as it is.\n"
    )
    return Mail(to=to, subject="Confirm your email address", text=text)


def invitation(
    to: str, org_name: str, role: str, inviter: str | None, token: str, expires_at: datetime, links: Links
) -> Mail:
    by = f" by {inviter}" if inviter else ""
    if links.frontend_url:
        join = f"open {links.frontend_url.rstrip('/')}/join#token={token}"
    else:
        body = json.dumps({"token": token, "password": "<a password of yours>"})
        join = (
            f"send the token with a password:\n  curl -XPOST {links.api_url}/api/v1/invitations/join "
            f"-H 'content-type: application/json' -d '{body}'\n  and confirm with the link then mailed to you"
        )
    text = (
        f'You are invited to join "{org_name}" as {role}{by}.\n\n'
        "If you have an account here, sign in and accept the invitation: it is listed at "
        f"GET {links.api_url}/api/v1/me/invitations.\n"
        f"If you have none (or rather not sign in), {join}.\n\n"
        f"{INVITATION_TOKEN}: {token}\n\n"
        f"It expires at {_when(expires_at)}. If you do not know the sender, ignore this mail.\n"
    )
    return Mail(to=to, subject=f'Invitation to join "{org_name}"', text=text)
