import pytest
from django.core import mail

from core.emails import queue_email


@pytest.mark.django_db
def test_queued_email_is_sent_by_the_worker_in_the_recipients_language(run_tasks):
    queue_email("core/test_message", {"name": "Olena"}, ["olena@example.com"], "uk", [("note.txt", "hi", "text/plain")])
    assert mail.outbox == []  # not sent inside the request
    run_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.com"]
    assert message.subject == "Вітаємо Olena"
    assert message.body.strip() == "Вітаємо Olena"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<strong>Olena</strong>" in html
    assert message.attachments[0][0] == "note.txt"
    assert message.extra_headers["Content-Language"] == "uk"
