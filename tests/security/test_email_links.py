"""Every absolute link in every email starts with BASE_URL; a request's Host header
is never used to build one. Plain-text emails are not HTML-escaped."""

import re
import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import signing
from django.test import Client

from ops.feedback import TIMESTAMP_SALT
from tests.booking_fixtures import make_studio

HOSTILE = {"HTTP_HOST": "evil.example"}
NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
# Links: URLs in the text and href/src targets in the HTML (not XML namespaces or schema ids).
LINK = re.compile(r"(?<![\w/])https?://[^\s\"'<>]+|(?<=href=\")[^\"]+|(?<=src=\")[^\"]+")
NOT_LINKS = ("http://www.w3.org/", "http://schema.org/", "https://schema.org/", "mailto:", "cid:", "#")


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.ALLOWED_HOSTS = ["*"]  # the worst case: Django itself does not stop the header
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def links(message):
    bodies = [message.body] + [content for content, _mimetype in getattr(message, "alternatives", [])]
    return [link for body in bodies for link in LINK.findall(body) if not link.startswith(NOT_LINKS)]


def assert_links_on_the_real_site(messages, base_url):
    found = [link for message in messages for link in links(message)]
    assert found, "expected at least one link"
    off_site = [link for link in found if not link.startswith(base_url + "/")]
    assert off_site == []
    assert not any("evil.example" in m.body or "example.com/" in m.body for m in messages)


def test_shop_password_reset_links_to_base_url(home_page, django_user_model, mailoutbox, base_url):
    django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    response = Client().post("/en/shop/password-reset/", {"email": "anna@example.com"}, **HOSTILE)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert_links_on_the_real_site(mailoutbox, base_url)
    assert base_url + "/en/shop/password-reset/confirm/" in mailoutbox[0].body


def test_admin_password_reset_links_to_base_url(admin_user, mailoutbox, base_url):
    response = Client().post("/admin/password_reset/", {"email": admin_user.email}, **HOSTILE)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert_links_on_the_real_site(mailoutbox, base_url)


def test_booking_emails_link_to_base_url_and_keep_names_unescaped(
    home_page, mailoutbox, run_tasks, base_url, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        _venue, page, haircut, anna = make_studio(home_page)
        client = Client(**HOSTILE)
        state = {"service": haircut.pk, "staff": anna.pk, "date": "2030-06-03", "start": "20300603T0800Z"}
        contact = {"client_name": "Seán O'Brien & <Sons>", "client_email": "sean@example.com"}
        client.post(page.url + "book/", {**state, "action": "details", **contact})
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(page.url + "book/", {**state, "action": "confirm"}).status_code == 302
        run_tasks()
    (message,) = mailoutbox
    assert_links_on_the_real_site(mailoutbox, base_url)
    assert "Seán O'Brien & <Sons>" in message.body and "&#x27;" not in message.body and "&amp;" not in message.body


def test_feedback_email_links_to_base_url(home_page, admin_user, mailoutbox, run_tasks, base_url):
    client = Client(**HOSTILE)
    # The widget's form carries a signed start time; a form filled in under a few seconds is spam.
    started = signing.dumps(time.time() - 10, salt=TIMESTAMP_SALT)
    data = {"message": "Nice", "page_url": "http://evil.example/en/?token=abc", "started": started}
    response = client.post("/en/ops/feedback/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    run_tasks()
    assert mailoutbox
    assert_links_on_the_real_site(mailoutbox, base_url)
    assert base_url + "/en/" in mailoutbox[0].body and "token=abc" not in mailoutbox[0].body
