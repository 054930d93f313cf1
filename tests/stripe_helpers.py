"""Stripe for tests: an event dict, a POST to /stripe/webhook/ signed the way Stripe signs
(stripe.WebhookSignature) or with a signature header given as is, and orders paid through Stripe."""

import json
import time

import stripe
from oscar.test.factories import create_order

from tests.shop_models import Source, SourceType


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


def add_stripe_source(order, reference, debited=False):
    """The order's Stripe payment source, as the checkout records it (`reference`: the PaymentIntent):
    the total allocated, and debited once captured."""
    source_type, _ = SourceType.objects.get_or_create(code="stripe", defaults={"name": "Stripe"})
    return Source.objects.create(
        order=order,
        source_type=source_type,
        currency="EUR",
        amount_allocated=order.total_incl_tax,
        amount_debited=order.total_incl_tax if debited else 0,
        reference=reference,
    )


def stripe_order(number, status, reference, debited=False, **order_options):
    """An order (Oscar's create_order test factory) in `status`, paid through Stripe's `reference`."""
    order = create_order(number=number, **order_options)
    order.status = status
    order.save()
    add_stripe_source(order, reference, debited=debited)
    return order
