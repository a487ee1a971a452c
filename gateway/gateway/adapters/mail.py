"""Mail the gateway sends (sign-up confirmations, invitations): a file per message for
development and tests, SMTP in production. Messages are sent after the request's transaction
commits and beside the request, so that an answer never waits for, or tells of, a mail server."""

import asyncio
import logging
import re
import smtplib
import ssl
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.messages import Mail
from servicekit.db import after_commit

log = logging.getLogger(__name__)

SmtpSecurity = Literal["starttls", "ssl", "none"]


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None: ...


def _message(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Message-ID"] = f"<{uuid.uuid4().hex}@{sender.rpartition('@')[2].strip('> ') or 'localhost'}>"
    message.set_content(mail.text)
    return message


class FileMailer:
    """Development and tests: each message as an .eml file in `directory` (var/mail/), named by
    time and recipient, and a log line saying where."""

    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, mail: Mail) -> None:
        recipient = re.sub(r"[^A-Za-z0-9@._+-]", "_", mail.to)
        name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:6]}-{recipient}.eml"
        path = self.directory / name
        data = bytes(_message(mail, self.sender))
        await asyncio.to_thread(self._write, path, data)
        log.info("mail to %s: %s (%s)", mail.to, mail.subject, path)

    def _write(self, path: Path, data: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        partial.rename(path)  # readers never see half a message


class SmtpMailer:
    """Production: a mail server or relay (stdlib smtplib, in a thread)."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        *,
        security: SmtpSecurity = "starttls",
        username: str | None = None,
        password: str | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.sender = sender
        self.security = security
        self.username = username
        self.password = password
        self.timeout_s = timeout_s

    async def send(self, mail: Mail) -> None:
        await asyncio.to_thread(self._send, _message(mail, self.sender))
        log.info("mail to %s: %s (sent to %s)", mail.to, mail.subject, self.host)

    def _send(self, message: EmailMessage) -> None:
        context = ssl.create_default_context()
        if self.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout_s, context=context)
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=self.timeout_s)
        with client:
            if self.security == "starttls":
                client.starttls(context=context)
            if self.username:
                client.login(self.username, self.password or "")
            client.send_message(message)


class MailQueue:
    """Sends a mail once the session commits (dropped on rollback), in a task of its own."""

    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer
        self._sending: set[asyncio.Task[None]] = set()

    def send_after_commit(self, session: AsyncSession, mail: Mail) -> None:
        after_commit(session, lambda: self._start(mail))

    def _start(self, mail: Mail) -> None:
        task = asyncio.get_running_loop().create_task(self._send(mail))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send(self, mail: Mail) -> None:
        try:
            await self.mailer.send(mail)
        except Exception:
            log.exception("mail to %s (%s) could not be sent", mail.to, mail.subject)

    async def drain(self, timeout_s: float = 10.0) -> None:
        """Waits for the mails being sent (at shutdown)."""
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=timeout_s)
