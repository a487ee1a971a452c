"""`make run` prints each mail the gateway writes to var/mail/ as it arrives: the recipient and
the token, so that the README's first steps can be followed from the terminal."""

from datetime import UTC, datetime
from pathlib import Path

from devstack.mailbox import MailWatch
from gateway.adapters.mail import FileMailer
from gateway.domain import messages

LINKS = messages.Links(api_url="http://127.0.0.1:8000")
LATER = datetime(2030, 1, 1, tzinfo=UTC)


async def test_each_new_mail_is_one_line_with_its_recipient_and_token(tmp_path: Path) -> None:
    mailer = FileMailer(tmp_path, "Platform <no-reply@localhost>")
    await mailer.send(messages.confirmation("old@acme.test", "OLD-TOKEN", "sign up", LATER, LINKS))
    watch = MailWatch(tmp_path)

    await mailer.send(messages.confirmation("ann@acme.test", "tok-1", 'create the brand org "Acme"', LATER, LINKS))
    await mailer.send(messages.invitation("bob@acme.test", "Acme", "analyst", "ann@acme.test", "inv_2", LATER, LINKS))

    assert watch.new_lines() == [
        "mail to ann@acme.test: Confirmation token: tok-1",
        "mail to bob@acme.test: Invitation token: inv_2",
    ]
    assert watch.new_lines() == []  # each once; the mail there before the watch began never


def test_a_mail_folder_not_made_yet_is_watched_from_when_it_appears(tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    watch = MailWatch(folder)
    assert watch.new_lines() == []
    folder.mkdir()
    (folder / "20300101T000000000000-abcdef-x@y.test.eml").write_text(
        "To: x@y.test\nSubject: Hello\n\nNo token in this one.\n"
    )
    assert watch.new_lines() == ["mail to x@y.test: Hello"]
