"""The gateway's mail: a file per message in development (what the tests and `make run` read),
SMTP in production, and sent only once the request's transaction commits."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from devstack.databases import DatabaseFactory
from devstack.mailbox import CONFIRMATION, Mailbox
from devstack.ports import free_port
from gateway.adapters.mail import FileMailer, MailQueue, SmtpMailer
from gateway.domain import messages
from gateway.settings import GatewaySettings
from servicekit.db import Database

LINKS = messages.Links(api_url="http://127.0.0.1:8000")


def confirmation(to: str = "ann@acme.test", token: str = "tok-123") -> messages.Mail:
    return messages.confirmation(to, token, 'create the brand org "Acme"', datetime.now(UTC) + timedelta(days=1), LINKS)


async def test_the_file_mailer_writes_what_the_mailbox_reads(tmp_path: Path) -> None:
    mailer = FileMailer(tmp_path / "mail", "Platform <no-reply@platform.test>")
    await mailer.send(confirmation(token="first"))
    await mailer.send(confirmation(token="second"))
    await mailer.send(confirmation("bob@acme.test", "bobs"))
    mailbox = Mailbox(tmp_path / "mail")
    assert mailbox.latest_token("ANN@acme.test") == "second"
    assert mailbox.latest_token("bob@acme.test", CONFIRMATION) == "bobs"
    [message, _] = mailbox.messages_to("ann@acme.test")
    assert message["From"] == "Platform <no-reply@platform.test>"
    assert "/api/v1/signups/confirm" in message.get_content()


def test_mails_link_to_the_front_end_when_there_is_one() -> None:
    mail = messages.confirmation(
        "ann@acme.test", "tok", "sign up", datetime.now(UTC), messages.Links("http://api", "https://app.test/")
    )
    assert "https://app.test/confirm#token=tok" in mail.text


class Received:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Received, int]]:
    received, port = Received(), free_port()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield received, port
    finally:
        controller.stop()


async def test_the_smtp_mailer_delivers_to_a_mail_server(smtp_server: tuple[Received, int]) -> None:
    received, port = smtp_server
    mailer = SmtpMailer("127.0.0.1", port, "no-reply@platform.test", security="none", timeout_s=5)
    await mailer.send(confirmation())
    [(sender, recipients, content)] = received.messages
    assert (sender, recipients) == ("no-reply@platform.test", ["ann@acme.test"])
    message = message_from_bytes(content)
    assert message["Subject"] == "Confirm your email address"
    assert "Confirmation token: tok-123" in message.get_payload(decode=True).decode()


@pytest.fixture
async def database(databases: DatabaseFactory) -> AsyncIterator[Database]:
    database = Database(await databases.new("gateway_mail"))
    try:
        yield database
    finally:
        await database.dispose()


async def test_mail_is_sent_once_the_transaction_commits_and_never_on_rollback(
    database: Database, tmp_path: Path
) -> None:
    queue = MailQueue(FileMailer(tmp_path, "no-reply@platform.test"))
    mailbox = Mailbox(tmp_path)
    async with database.session() as session:
        queue.send_after_commit(session, confirmation(token="kept"))
        await asyncio.sleep(0.05)
        assert mailbox.latest_token("ann@acme.test") is None
    await queue.drain()
    assert mailbox.latest_token("ann@acme.test") == "kept"

    async def failing_request() -> None:
        async with database.session() as session:
            queue.send_after_commit(session, confirmation("bob@acme.test", "dropped"))
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        await failing_request()
    await queue.drain()
    assert mailbox.latest_token("bob@acme.test") is None


async def test_a_mail_server_down_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    queue = MailQueue(SmtpMailer("127.0.0.1", free_port(), "no-reply@platform.test", security="none", timeout_s=2))
    queue._start(confirmation())  # as after a commit
    await queue.drain()
    assert "could not be sent" in caplog.text


def test_the_smtp_server_is_one_setting_of_host_and_port() -> None:
    assert GatewaySettings(smtp_server="mail.example").smtp_address == ("mail.example", 587)
    assert GatewaySettings(smtp_server="mail.example:2525").smtp_address == ("mail.example", 2525)
    assert GatewaySettings().smtp_address is None
    with pytest.raises(ValueError, match="host or host:port"):
        GatewaySettings(smtp_server="mail.example:smtp")
