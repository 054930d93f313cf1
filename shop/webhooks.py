"""Stripe webhook events → Oscar order statuses.

`next_statuses` is plain logic: given the order's status and an event, the statuses to
walk through (Oscar's pipeline only moves one step at a time). Late or repeated events
never move an order backwards, so duplicates and out-of-order delivery end in the same state.
"""

from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from .models import StripeEvent

Order = get_model("order", "Order")
Source = get_model("payment", "Source")

HANDLED = {
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
    "charge.refunded",
}


def next_statuses(current, event_type, fully_refunded=False):
    if event_type == "payment_intent.succeeded":
        return ["Paid"] if current == "Pending" else []
    if event_type in ("payment_intent.payment_failed", "payment_intent.canceled"):
        return ["Cancelled"] if current == "Pending" else []
    if event_type == "charge.refunded" and fully_refunded:
        if current == "Pending":  # the refund overtook the payment's own event
            return ["Paid", "Refunded"]
        if current in ("Paid", "Shipped"):
            return ["Refunded"]
    return []


def intent_id_of(event_type, obj):
    if event_type.startswith("payment_intent."):
        return obj.get("id")
    return obj.get("payment_intent")


def handle_event(event):
    """Apply a verified event once. Returns a short description of what happened."""
    event_type = event["type"]
    obj = event["data"]["object"]
    from datetime import UTC, datetime

    with transaction.atomic():
        _record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"],
            defaults={"type": event_type, "created": datetime.fromtimestamp(event.get("created", 0), tz=UTC)},
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
        fully_refunded = False
        if event_type == "charge.refunded":
            refunded = Decimal(obj.get("amount_refunded", 0)) / 100
            record_refund(order, source, refunded, reference=obj.get("id", ""))
            fully_refunded = refunded >= source.amount_debited > 0 or bool(obj.get("refunded"))
        if event_type == "payment_intent.succeeded":
            from .checkout import record_capture

            record_capture(order, intent_id)
            order.refresh_from_db()
        for status in next_statuses(order.status, event_type, fully_refunded):
            order.set_status(status)
        return order.status


def record_refund(order, source, total_refunded, reference=""):
    """Record the refunded total on the source (idempotent: Stripe reports the running total)."""
    from .checkout import get_event_type

    source = Source.objects.select_for_update().get(pk=source.pk)
    new = total_refunded - source.amount_refunded
    if new > 0:
        source.refund(new, reference=reference)
        order.payment_events.create(event_type=get_event_type("Refunded"), amount=new, reference=reference)
    return new
