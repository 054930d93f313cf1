"""Stripe webhook events signed in the future (beyond Stripe's tolerance) are
refused like stale ones: a pre-signed event cannot be replayed later."""

import json
import time

import stripe

SECRET = "whsec_test_future"


def post(client, timestamp):
    body = json.dumps(
        {"id": "evt_future", "object": "event", "type": "customer.created", "created": int(time.time()),
         "data": {"object": {"id": "cus_1", "object": "customer"}}}
    )  # fmt: skip
    signature = stripe.WebhookSignature.generate_signature_header(body, SECRET, timestamp=timestamp)
    return client.post("/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature)


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
    body = json.dumps(
        {"id": "evt_decoy", "object": "event", "type": "customer.created", "created": int(time.time()),
         "data": {"object": {"id": "cus_1", "object": "customer"}}}
    )  # fmt: skip
    future = int(time.time()) + 3600
    signed = stripe.WebhookSignature.generate_signature_header(body, SECRET, timestamp=future)
    for decoy in (f" t={int(time.time())},", f"t ={int(time.time())},"):
        response = client.post(
            "/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=decoy + signed
        )
        assert response.status_code == 400 and b"signature" in response.content, (decoy, response.content)
