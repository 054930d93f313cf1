"""Stripe webhook events → the order's event handler (shop/processing.py).

Each event id is applied once (StripeEvent); the handler records money once and walks the
status pipeline forwards only, so duplicates and out-of-order delivery end in the same state.
"""

from datetime import UTC, datetime
from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from .models import StripeEvent
from .processing import EventHandler

Order = get_model("order", "Order")
Source = get_model("payment", "Source")

HANDLED = {
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
    "charge.refunded",
}


LATEST_TIMESTAMP = 253402300799  # 9999-12-31T23:59:59Z, the last second a datetime holds
MAX_CENTS = 10**12


class InvalidEvent(ValueError):
    """A correctly signed body that is not a Stripe event we can read (→ 400, nothing changes)."""


def _text(value, name, required=True):
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value or len(value) > 255 or not value.isprintable():
        raise InvalidEvent(f"`{name}` must be a non-empty string of at most 255 printable characters.")
    return value


def _count(value, name, maximum):
    # bool is an int in Python; Stripe never sends one where a number belongs.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise InvalidEvent(f"`{name}` must be a whole number between 0 and {maximum}.")
    return value


def parse_event(data):
    """Check the shape of a verified event before anything reads it: an object with
    string `id` and `type`, integer `created` and an object `data.object`; for the
    events we handle, the fields they use have Stripe's types. Returns the event."""
    if not isinstance(data, dict):
        raise InvalidEvent("The event must be a JSON object.")
    _text(data.get("id"), "id")
    event_type = _text(data.get("type"), "type")
    _count(data.get("created"), "created", LATEST_TIMESTAMP)
    body = data.get("data")
    if not isinstance(body, dict) or not isinstance(body.get("object"), dict):
        raise InvalidEvent("`data.object` must be a JSON object.")
    obj = body["object"]
    if event_type in HANDLED:
        _text(obj.get("id"), "data.object.id", required=event_type.startswith("payment_intent."))
    if event_type == "charge.refunded":
        _text(obj.get("payment_intent"), "data.object.payment_intent", required=False)
        _count(obj.get("amount_refunded"), "data.object.amount_refunded", MAX_CENTS)
        if not isinstance(obj.get("refunded", False), bool):
            raise InvalidEvent("`data.object.refunded` must be true or false.")
    return data


def intent_id_of(event_type, obj):
    if event_type.startswith("payment_intent."):
        return obj.get("id")
    return obj.get("payment_intent")


def handle_event(event):
    """Apply a verified event once. Returns a short description of what happened.
    Raises InvalidEvent (before changing anything) when the event is malformed."""
    event = parse_event(event)
    event_type = event["type"]
    obj = event["data"]["object"]

    with transaction.atomic():
        _record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"],
            defaults={"type": event_type, "created": datetime.fromtimestamp(event["created"], tz=UTC)},
        )
        if not created:
            return "duplicate"
        if event_type not in HANDLED:
            return "ignored"
        intent_id = intent_id_of(event_type, obj)
        source = Source.objects.select_related("order").filter(reference=intent_id).first() if intent_id else None
        if source is None:
            return "no order"
        order = Order.objects.select_for_update().get(pk=source.order_id)
        handler = EventHandler()
        if event_type == "charge.refunded":
            refunded = Decimal(obj["amount_refunded"]) / 100
            handler.handle_refund(
                order, source, refunded, reference=obj.get("id", ""), in_full=bool(obj.get("refunded"))
            )
        elif event_type == "payment_intent.succeeded":
            handler.handle_settlement(order, source, reference=intent_id)
        else:  # payment_intent.payment_failed, payment_intent.canceled
            handler.handle_payment_failure(order)
        return order.status
