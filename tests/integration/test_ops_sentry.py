# ruff: noqa: F811  (pytest fixtures imported from tests/sentry_helpers.py)
"""Sentry against a loopback HTTP server standing in for sentry.io."""

import pytest
import sentry_sdk
from django.test import Client
from django.urls import path

from config import urls as config_urls
from ops.sentry import init_sentry
from tests.sentry_helpers import RELEASE, events, sentry_server  # noqa: F401 (fixture)

SECRETS = {
    "email": "jane.doe@example.com",
    "client_secret": "pi_3PqRsTuVwXyZ0123_secret_AbCdEfGhIjKlMnOp",
    "payment_method": "pm_1PqRsTuVwXyZ4567AbCd",
    "card_token": "tok_1PqRsTuVwXyZ89Ab",
    "card_number": "4242 4242 4242 4242",
    "phone": "+49 30 1234567",
    "street": "Friedrichstraße 123",
    "postcode": "10117",
    "ip": "203.0.113.77",
    "forwarded_ip": "198.51.100.23",
    "session": "s3ss10nc00k1ev4lue",
    "bearer": "sekrit-api-token-abc",
}


def boom_view(request):
    email = SECRETS["email"]  # noqa: F841 (frame variables are sent to Sentry)
    shipping_address = {"line1": SECRETS["street"], "postcode": SECRETS["postcode"]}  # noqa: F841
    intent = {"client_secret": SECRETS["client_secret"], "payment_method": SECRETS["payment_method"]}  # noqa: F841
    raise RuntimeError(
        f"payment failed for {SECRETS['email']} with {SECRETS['client_secret']}, {SECRETS['card_token']}, "
        f"card {SECRETS['card_number']}, phone {SECRETS['phone']}"
    )


urlpatterns = [path("boom/", boom_view), *config_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_one_scrubbed_envelope_for_a_view_error(sentry_server, home_page, django_user_model):
    user = django_user_model.objects.create_user(email=SECRETS["email"], password="pw-123456789")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.cookies["sessionid_extra"] = SECRETS["session"]
    response = client.post(
        "/boom/",
        {
            "email": SECRETS["email"],
            "line1": SECRETS["street"],
            "postcode": SECRETS["postcode"],
            "phone_number": SECRETS["phone"],
            "payment_method_id": SECRETS["payment_method"],
            "note": f"call me on {SECRETS['phone']} or {SECRETS['email']}",
        },
        HTTP_AUTHORIZATION=f"Bearer {SECRETS['bearer']}",
        HTTP_X_FORWARDED_FOR=SECRETS["forwarded_ip"],
        REMOTE_ADDR=SECRETS["ip"],
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    assert len(sentry_server) == 1, [p for p, _ in sentry_server]
    path, body = sentry_server[0]
    assert path == "/api/42/envelope/"
    (event,) = events(sentry_server)
    assert event["environment"] == "ci" and event["release"] == RELEASE
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    leaked = [name for name, value in SECRETS.items() if value in body]
    assert leaked == []
    assert "[Filtered]" in body


@pytest.mark.urls(__name__)
def test_not_found_and_bad_hosts_are_not_reported(sentry_server, home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client(raise_request_exception=False)
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400
    sentry_sdk.flush(timeout=5)
    assert sentry_server == []


def test_sentry_stays_off_without_a_dsn():
    assert init_sentry("") is False
