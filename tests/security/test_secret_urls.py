"""Secrets in URLs (manage tokens, query strings) never leave the request: not in
visitor statistics (page nor CSV), not in log lines; manage links expire."""

import io
import logging
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from ops import recorder
from tests.booking_fixtures import book_at, make_studio

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.fixture(autouse=True)
def frozen_time():
    recorder.forget_salts()
    with time_machine.travel(NOW, tick=False):
        yield
    recorder.forget_salts()


@pytest.fixture
def appointment(home_page):
    venue, page, haircut, anna = make_studio(home_page)
    return page, book_at(venue, haircut, anna, page=page, client_email="olga.private@example.com")


def test_manage_links_reach_statistics_without_their_token(appointment, admin_user):
    page, appointment = appointment
    visitor = Client(HTTP_USER_AGENT=CHROME)
    token = appointment.manage_token
    assert visitor.get(page.url + f"manage/{token}/?email=olga.private%40example.com").status_code == 200
    assert visitor.get(page.url + f"done/{token}/").status_code == 200
    assert visitor.get("/en/?access_token=query-secret-42").status_code == 200

    staff = Client()
    staff.force_login(admin_user)
    today = NOW.date().isoformat()
    html = staff.get("/admin/ops/statistics/", {"start": today, "end": today}).content.decode()
    csv = staff.get("/admin/ops/statistics/", {"start": today, "end": today, "format": "csv"}).content.decode()
    for shown in (html, csv):
        assert token not in shown and "query-secret-42" not in shown and "olga.private" not in shown
        assert page.url + "manage/*/" in shown  # still counted, as one anonymous path


@pytest.fixture
def console_log():
    """What the configured console handler (LOGGING) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.filters)
    stream = io.StringIO()
    old = handler.setStream(stream)
    yield stream
    handler.setStream(old)


def test_log_lines_carry_no_tokens(appointment, console_log):
    page, appointment = appointment
    client = Client(raise_request_exception=False)
    client.get(page.url + "manage/a-guessed-secret-token/")  # 404 logged as "Not Found: <path>"
    client.get("/en/shop/password-reset/confirm/MQ/set-secret-reset/")
    client.get("/en/shop/order-status/100001/secret-order-hash-7/")
    logged = console_log.getvalue()
    assert "Not Found" in logged
    for secret in ("a-guessed-secret-token", "set-secret-reset", "secret-order-hash-7"):
        assert secret not in logged


def test_manage_links_stop_working_a_set_time_after_the_appointment(appointment, settings):
    settings.BOOKING_MANAGE_LINK_DAYS = 30
    page, appointment = appointment
    manage = page.url + f"manage/{appointment.manage_token}/"
    done = page.url + f"done/{appointment.manage_token}/"
    with time_machine.travel(datetime(2030, 7, 2, 12, tzinfo=UTC), tick=False):  # 29 days after
        assert Client().get(manage).status_code == 200
    with time_machine.travel(datetime(2030, 7, 4, 12, tzinfo=UTC), tick=False):  # 31 days after
        for url in (manage, done):
            response = Client().get(url)
            assert response.status_code == 410
            html = response.content.decode()
            assert "This link has expired" in html and "olga.private@example.com" not in html


def test_log_lines_carry_no_email_confirmation_or_stock_alert_keys(home_page, console_log):
    client = Client(raise_request_exception=False)
    client.get("/en/shop/accounts/verify-email/secret-confirm-token-5/x/")
    client.get("/de/shop/accounts/verify-email/secret-confirm-token-7/x/")
    client.get("/en/shop/accounts/alerts/confirm/secret-alert-key-8/x/")
    client.get("/en/shop/accounts/alerts/cancel/key/secret-alert-key-9/x/")
    logged = console_log.getvalue()
    assert logged.count("Not Found") == 4
    for secret in ("secret-confirm-token-5", "secret-confirm-token-7", "secret-alert-key-8", "secret-alert-key-9"):
        assert secret not in logged
