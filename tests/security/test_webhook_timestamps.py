"""Stripe webhook events signed in the future (beyond Stripe's tolerance) are
refused like stale ones: a pre-signed event cannot be replayed later."""

import json
import time

from tests.stripe_helpers import post_webhook, signature_header, stripe_event

SECRET = "whsec_test_future"


def customer_created(event_id):
    return stripe_event(event_id, "customer.created", {"id": "cus_1", "object": "customer"})


def post(client, timestamp):
    return post_webhook(client, customer_created("evt_future"), SECRET, timestamp)


def test_events_signed_an_hour_ahead_are_refused(client, home_page, settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    response = post(client, int(time.time()) + 3600)
    assert response.status_code == 400 and b"signature" in response.content


def test_events_signed_now_or_slightly_ahead_are_accepted(client, home_page, settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    assert post(client, int(time.time()) + 60).status_code == 200


def test_a_second_timestamp_does_not_hide_a_future_one(client, home_page, settings):
    """Stripe reads the first exact "t=" item; a decoy " t=now" (or any other t= item)
    in front of a future-signed header must not get it past the check."""
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    body = json.dumps(customer_created("evt_decoy"))
    signed = signature_header(body, SECRET, int(time.time()) + 3600)
    for decoy in (f" t={int(time.time())},", f"t ={int(time.time())},"):
        response = post_webhook(client, body, signature=decoy + signed)
        assert response.status_code == 400 and b"signature" in response.content, (decoy, response.content)
