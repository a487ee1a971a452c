"""The development mailer's messages (GATEWAY_MAIL_DIR, var/mail/ under `make run`), for tests,
benchmarks and scripts that sign up: each message is an .eml file carrying its token on a line
such as `Confirmation token: ...`."""

import asyncio
import re
import time
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import httpx

CONFIRMATION = "Confirmation token"
INVITATION = "Invitation token"


class Mailbox:
    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    def messages_to(self, email: str) -> list[EmailMessage]:
        """Oldest first (file names start with the time)."""
        found = []
        for path in sorted(self.directory.glob("*.eml")):
            message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
            if str(message["To"]).strip().lower() == email.strip().lower():
                found.append(message)  # type: ignore[arg-type]
        return found

    def latest_token(self, email: str, kind: str = CONFIRMATION) -> str | None:
        pattern = re.compile(rf"^{re.escape(kind)}: (\S+)$", re.MULTILINE)
        for message in reversed(self.messages_to(email)):
            body = message.get_body(preferencelist=("plain",))
            match = pattern.search(body.get_content() if body else "")
            if match:
                return match.group(1)
        return None

    def wait_token(
        self, email: str, kind: str = CONFIRMATION, *, seen: str | None = None, timeout_s: float = 10
    ) -> str:
        """The newest token of `kind` mailed to `email` other than `seen`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout_s
        while (token := self.latest_token(email, kind)) in (None, seen):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no mail with a {kind} to {email} in {self.directory} after {timeout_s} s")
            time.sleep(0.02)
        assert token is not None
        return token

    async def token(
        self, email: str, kind: str = CONFIRMATION, *, seen: str | None = None, timeout_s: float = 10
    ) -> str:
        return await asyncio.to_thread(self.wait_token, email, kind, seen=seen, timeout_s=timeout_s)


class MailWatch:
    """The messages that arrive in a mail folder from now on, each told once as a line with its
    recipient and its token (`make run` prints them)."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.seen = {path.name for path in self.directory.glob("*.eml")}

    def new_lines(self) -> list[str]:
        lines = []
        for path in sorted(self.directory.glob("*.eml")):
            if path.name not in self.seen:
                self.seen.add(path.name)
                lines.append(_summary(BytesParser(policy=policy.default).parsebytes(path.read_bytes())))
        return lines


def _summary(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body else ""
    found = re.search(rf"^(?:{CONFIRMATION}|{INVITATION}): \S+$", text, re.MULTILINE)
    return f"mail to {message['To']}: {found.group(0) if found else message['Subject']}"


async def sign_up(
    gateway: httpx.AsyncClient, mailbox: Mailbox, body: dict[str, object], path: str = "/api/v1/orgs"
) -> dict:  # type: ignore[type-arg]
    """Signs up (an org at /api/v1/orgs, a creator at /api/v1/creators) and confirms by the
    mailed token; the confirmation's answer (org, user, role)."""
    email = str(body["email"] if "email" in body else body["owner"]["email"])  # type: ignore[index]
    seen = mailbox.latest_token(email)
    pending = await gateway.post(path, json=body)
    assert pending.status_code == 202, pending.text
    token = await mailbox.token(email, seen=seen)
    confirmed = await gateway.post("/api/v1/signups/confirm", json={"token": token})
    assert confirmed.status_code == 201, confirmed.text
    return confirmed.json()  # type: ignore[no-any-return]


def sign_up_sync(gateway_url: str, mailbox: Mailbox, body: dict[str, object], path: str = "/api/v1/orgs") -> dict:  # type: ignore[type-arg]
    """`sign_up` for synchronous scripts (benchmarks)."""
    email = str(body["email"] if "email" in body else body["owner"]["email"])  # type: ignore[index]
    seen = mailbox.latest_token(email)
    httpx.post(gateway_url + path, json=body).raise_for_status()
    token = mailbox.wait_token(email, seen=seen)
    confirmed = httpx.post(gateway_url + "/api/v1/signups/confirm", json={"token": token})
    confirmed.raise_for_status()
    return confirmed.json()  # type: ignore[no-any-return]
