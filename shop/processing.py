"""The shop's bookkeeping in one place: Oscar's order `EventHandler` with our rules.

Oscar asks for `get_class("order.processing", "EventHandler")` (its dashboard does); the class loader
in shop/loading.py answers with this one. Checkout, the Stripe webhook and the Wagtail admin refund
call it too, so every change to an order after it was placed happens here:

- payment events: Settled when the money is taken, Refunded for what is given back; the amounts
  are recorded on the payment source once (Stripe reports running totals, a replayed event adds nothing);
- status changes walk OSCAR_ORDER_STATUS_PIPELINE (shop/order_status.py) and never go backwards; the
  order row is locked while it changes, so each status is entered at most once;
- stock: reserved when the order is placed (shop/stock.py), taken off the shelf when it ships, given
  back once when it ends without shipping (cancelled, or refunded before shipping);
- the customer is emailed when the order ships, is refunded or is cancelled (shop/emails.py).
"""

import logging
from functools import partial

import stripe
from django.db import transaction
from django.db.models import F, Sum
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.apps.order import processing
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_model

from core.money import money

from . import payments, stock
from .emails import send_status_changed
from .order_status import (
    CANCELLED,
    OPEN,
    PAID,
    PENDING,
    REFUNDED,
    REFUNDED_EVENT,
    SETTLED_EVENT,
    SHIPPED,
    path_to,
)

logger = logging.getLogger(__name__)
Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
CARD_SOURCE = "stripe"  # SourceType code of card payments (shop/checkout.py)


def payment_event_type(name):
    """Get or create a PaymentEventType by its unique code, so concurrent requests agree."""
    event_type, _created = PaymentEventType.objects.get_or_create(code=slugify(name), defaults={"name": name})
    return event_type


def release_authorisation(intent_id):
    """Cancel a PaymentIntent that was authorised and never captured (nothing was charged)."""
    if not payments.is_configured():
        return
    try:
        payments.cancel(intent_id)
    except stripe.StripeError:  # Stripe unreachable: the authorisation expires by itself within days
        logger.exception("Releasing the authorisation %s failed", intent_id)


class EventHandler(processing.EventHandler):
    # Payment events
    # --------------

    def handle_payment_event(self, order, event_type, amount, lines=None, line_quantities=None, **kwargs):
        """Oscar's, also taking an event type by name (order_status.SETTLED_EVENT…)."""
        if isinstance(event_type, str):
            event_type = payment_event_type(event_type)
        return super().handle_payment_event(order, event_type, amount, lines, line_quantities, **kwargs)

    def handle_settlement(self, order, source, reference=""):
        """The money authorised on `source` was taken: debit it, record it as settled and mark a pending
        order paid. Idempotent: a second call (checkout and webhook both report a capture) adds nothing."""
        with transaction.atomic():
            source = Source.objects.select_for_update().get(pk=source.pk)
            due = source.amount_allocated - source.amount_debited
            if due > 0:
                source.debit(due, reference=reference or source.reference)
                self.handle_payment_event(order, SETTLED_EVENT, due, reference=reference or source.reference)
            self.advance(order, PAID)

    def handle_refund(self, order, source, total_refunded, reference="", in_full=False):
        """`total_refunded` of `source` has been given back so far (Stripe reports the running total):
        record what is new once; a refund in full ends the order as Refunded. Returns the new amount."""
        with transaction.atomic():
            source = Source.objects.select_for_update().get(pk=source.pk)
            new = total_refunded - source.amount_refunded
            if new > 0:
                source.refund(new, reference=reference)
                self.handle_payment_event(order, REFUNDED_EVENT, new, reference=reference)
            if in_full or total_refunded >= source.amount_debited > 0:
                self.advance(order, REFUNDED)
        return max(new, 0)

    def handle_payment_failure(self, order):
        """The payment was declined or its authorisation cancelled: an order still waiting for it is
        cancelled; a paid one stays paid."""
        with transaction.atomic():
            if self._locked_status(order) == PENDING:
                self._change_status(order, CANCELLED)

    # Statuses
    # --------

    def advance(self, order, target):
        """Walk the pipeline to `target` one step at a time; nothing when it lies behind the order."""
        with transaction.atomic():
            for status in path_to(self._locked_status(order), target):
                self._change_status(order, status)

    def handle_order_status_change(self, order, new_status, note_msg=None):
        """A status chosen by staff (Oscar's dashboard). An order whose card payment was taken and not
        given back cannot be marked refunded or cancelled: the money is refunded first (Wagtail admin →
        Orders → Refund in full), which moves the order itself. Raises PaymentError (the dashboard
        shows it) or InvalidOrderStatus for a change the pipeline does not allow."""
        if new_status in (REFUNDED, CANCELLED):
            kept = self.card_money_kept(order)
            if kept > 0:
                raise PaymentError(
                    _("The card payment of %(amount)s has not been refunded. Refund it first: Orders → Refund in full.")
                    % {"amount": money(kept, order.currency)}
                )
        self._change_status(order, new_status, note_msg)
        if new_status == CANCELLED:
            # A card only authorised (not charged) is released at once instead of when Stripe lets it expire.
            held = order.sources.filter(source_type__code=CARD_SOURCE, amount_debited=0, amount_allocated__gt=0)
            for reference in held.values_list("reference", flat=True):
                transaction.on_commit(partial(release_authorisation, reference))

    def card_money_kept(self, order):
        """What was taken from the customer's card and not given back."""
        kept = order.sources.filter(source_type__code=CARD_SOURCE).aggregate(
            kept=Sum(F("amount_debited") - F("amount_refunded"))
        )["kept"]
        return kept or 0

    def _change_status(self, order, new_status, note_msg=None):
        """Oscar's status change under a row lock, with the stock and the customer's email following it."""
        with transaction.atomic():
            old_status = self._locked_status(order)
            if new_status == old_status:
                return
            super().handle_order_status_change(order, new_status, note_msg)
            if new_status == SHIPPED:
                self.consume_stock_allocations(order)
            elif old_status in OPEN and new_status not in OPEN:
                self.cancel_stock_allocations(order)  # cancelled or refunded before shipping: back to the shelf
            send_status_changed(order, old_status, new_status)

    def _locked_status(self, order):
        """Lock the order's row and bring `order.status` up to date with it."""
        order.status = Order.objects.select_for_update().values_list("status", flat=True).get(pk=order.pk)
        return order.status

    # Stock
    # -----

    def consume_stock_allocations(self, order, lines=None, line_quantities=None):
        """Shipped: the reserved units leave the shelf. Unlike Oscar's, never raises when staff
        changed the stock numbers in the meantime (the counts stop at zero)."""
        lines = lines or list(order.lines.select_related("stockrecord", "product__product_class", "product__parent"))
        for line, quantity in zip(lines, line_quantities or [line.quantity for line in lines], strict=True):
            if line.stockrecord is not None:
                stock.consume(line.stockrecord, quantity)

    def cancel_stock_allocations(self, order, lines=None, line_quantities=None):
        lines = lines or list(order.lines.select_related("stockrecord", "product__product_class", "product__parent"))
        super().cancel_stock_allocations(order, lines, line_quantities)
