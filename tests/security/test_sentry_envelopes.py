# ruff: noqa: F811  (pytest fixtures imported from tests/sentry_helpers.py)
"""Real server errors raised by a signed-in customer, with secrets in query strings,
bodies, frame variables and a Stripe event, reach a local stand-in for sentry.io;
none of the personal or secret values is in the envelopes it receives."""

import json
import time
from datetime import UTC, datetime
from unittest import mock
from urllib.parse import quote

import pytest
import requests
import sentry_sdk
import time_machine
from django.core.cache import cache
from django.test import Client

from shop.models import StripeEvent
from tests.booking_fixtures import book_at, make_studio
from tests.sentry_helpers import events, sentry_server  # noqa: F401 (fixture)
from tests.site_setup import ensure_site_structure
from tests.stripe_helpers import signature_header

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
EMAIL = "jane.doe@example.com"
PHONE = "+49 30 1234567"
US_PHONE = "(415) 555-0123"
IPV6 = "2001:db8::7"
STREET, POSTCODE, CITY = "Friedrichstraße 123", "14467", "Potsdam"
NOTE = f"Please ring at {STREET}, {POSTCODE} {CITY}; call {US_PHONE} or {PHONE}; I am on {IPV6}"
QUERY_TOKEN, ACCESS_TOKEN = "qs-token-5f2a9c", "qs-access-8e1b7d"
STRIPE_STREET, STRIPE_POSTCODE, STRIPE_CITY = "Lindenallee 5", "99423", "Weimar"
WEBHOOK_SECRET = "whsec_test_sentry"

QUERY = f"?token={QUERY_TOKEN}&access_token={ACCESS_TOKEN}&email={quote(EMAIL)}&phone={quote(PHONE)}"


@pytest.fixture
def studio(transactional_db, live_server, settings):
    cache.clear()
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    with time_machine.travel(NOW, tick=False):
        venue, page, haircut, anna = make_studio(ensure_site_structure())
        details = {"client_name": "Jane", "client_email": EMAIL, "client_phone": PHONE, "note": NOTE}
        appointment = book_at(venue, haircut, anna, page=page, **details)
    return live_server.url, page, haircut, anna, appointment


def stripe_event():
    details = {
        "name": "Jane Doe",
        "email": EMAIL,
        "phone": PHONE,
        "address": {"line1": STRIPE_STREET, "postal_code": STRIPE_POSTCODE, "city": STRIPE_CITY, "country": "DE"},
    }
    return {
        "id": "evt_sentry_1",
        "object": "event",
        "type": "payment_intent.succeeded",
        "created": int(time.time()),
        "data": {
            "object": {
                "id": "pi_sentry_1",
                "object": "payment_intent",
                "receipt_email": EMAIL,
                "shipping": {"name": "Jane Doe", "phone": PHONE, "address": details["address"]},
                "charges": {"data": [{"billing_details": details}]},
            }
        },
    }


def test_no_secret_reaches_sentry(sentry_server, studio, django_user_model):
    """Over real HTTP (a live server): Sentry reads the request the way it does in production."""
    base, page, haircut, anna, appointment = studio
    customer = django_user_model.objects.create_user(email=EMAIL, password="pw-123456789")
    browser = requests.Session()

    def boom(*args, **kwargs):  # a new exception each time (Sentry drops repeats of one)
        raise RuntimeError(f"lookup failed for {NOTE}")

    with time_machine.travel(NOW, tick=True):
        signed_in = Client()
        signed_in.force_login(customer)
        browser.cookies.set("sessionid", signed_in.cookies["sessionid"].value)
        # 1. The manage link (token in the path) with secrets in the query string.
        with mock.patch("booking.wizard.appointment_context", side_effect=boom):
            assert browser.get(base + page.url + f"manage/{appointment.manage_token}/" + QUERY).status_code == 500
        # 2. Booking with the customer's details in the body (and the session).
        state = {"service": haircut.pk, "staff": anna.pk, "date": "2030-06-04", "start": "20300604T0800Z"}
        details = browser.get(base + page.url, params={**state, "step": "details"})
        assert details.status_code == 200
        csrf = {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
        contact = {"client_name": "Jane", "client_email": EMAIL, "client_phone": PHONE, "note": NOTE}
        browser.post(base + page.url + "book/" + QUERY, {**csrf, **state, "action": "details", **contact})
        with mock.patch("booking.operations._free_staff_ids", side_effect=boom):
            response = browser.post(base + page.url + "book/" + QUERY, {**csrf, **state, "action": "confirm"})
            assert response.status_code == 500
        # 3. The account page with secrets in the query string.
        with mock.patch("oscar.apps.customer.views.ProfileView.get_profile_fields", side_effect=boom):
            profile = browser.get(base + "/en/shop/accounts/profile/" + QUERY)
            assert profile.status_code == 500
        # 4. A Stripe event with the customer's address, held in the webhook's frames.
        body = json.dumps(stripe_event())
        signature = signature_header(body, WEBHOOK_SECRET)
        with mock.patch.object(StripeEvent.objects, "get_or_create", side_effect=boom):
            response = browser.post(
                base + "/stripe/webhook/" + QUERY,
                data=body,
                headers={"Content-Type": "application/json", "Stripe-Signature": signature},
            )
            assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    received = events(sentry_server)
    assert len(received) == 4, len(received)
    frames_with_vars = [
        frame
        for event in received
        for value in event["exception"]["values"]
        for frame in value["stacktrace"]["frames"]
        if frame.get("vars")
    ]
    assert frames_with_vars  # the scrubbing kept the structure, it did not drop the variables
    secrets = {
        "email": EMAIL,
        "email (url-encoded)": quote(EMAIL),
        "phone": PHONE,
        "phone digits": "1234567",
        "phone (url-encoded)": quote(PHONE),
        "US phone": "555-0123",
        "IPv6": IPV6,
        "street": "Friedrichstra",
        "postcode": POSTCODE,
        "city": CITY,
        "Stripe street": STRIPE_STREET,
        "Stripe postcode": STRIPE_POSTCODE,
        "Stripe city": STRIPE_CITY,
        "manage token": appointment.manage_token,
        "query token": QUERY_TOKEN,
        "access token": ACCESS_TOKEN,
        "webhook signature": signature.split("v1=")[1],
    }
    everything = "\n".join(body for _path, body in sentry_server)
    leaked = [name for name, value in secrets.items() if value in everything or json.dumps(value)[1:-1] in everything]
    assert leaked == []
    # What is left still helps: the parameter names and the path shape.
    assert "token=[Filtered]" in everything and "/manage/[Filtered]/" in everything
