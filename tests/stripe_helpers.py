"""Stripe webhook events for tests: an event dict, and a POST to /stripe/webhook/ signed
the way Stripe signs (stripe.WebhookSignature), or with a signature header given as is."""

import json
import time

import stripe


def stripe_event(event_id, event_type, obj, created=None):
    """A Stripe event around `obj` (created now unless given)."""
    created = int(time.time()) if created is None else created
    return {"id": event_id, "object": "event", "type": event_type, "created": created, "data": {"object": obj}}


def signature_header(body, secret, timestamp=None):
    """The Stripe-Signature header for `body` (JSON text), signed at `timestamp` (now)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return stripe.WebhookSignature.generate_signature_header(body, secret, timestamp=timestamp)


def post_webhook(client, event, secret=None, timestamp=None, signature=None):
    """POST `event` (a dict, or JSON text as sent) to the webhook, signed with `secret` at `timestamp`
    (now), or carrying `signature` as its Stripe-Signature header; without either, unsigned."""
    body = event if isinstance(event, str) else json.dumps(event)
    if signature is None and secret is not None:
        signature = signature_header(body, secret, timestamp)
    headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}
    return client.post("/stripe/webhook/", body, content_type="application/json", **headers)
