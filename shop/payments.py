"""Stripe PaymentIntents with manual capture: authorise, place the order, then capture.

Everything Stripe-specific for checkout lives here; the view stays thin. The API
base is a setting (STRIPE_API_BASE) so tests point it at localstripe on 127.0.0.1.
"""

from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils.translation import gettext as _


class PaymentDeclined(Exception):
    """The customer's card or bank said no: the message is safe to show them."""


class PaymentNeedsAction(Exception):
    """3-D Secure: the browser must confirm the intent with this client secret."""

    def __init__(self, intent_id, client_secret):
        self.intent_id = intent_id
        self.client_secret = client_secret
        super().__init__(_("Please confirm the payment with your bank."))


@dataclass
class Authorisation:
    intent_id: str
    amount: Decimal
    currency: str


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY)


def client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
    )


def to_minor_units(amount):
    return int((Decimal(amount) * 100).quantize(Decimal("1")))


def _check(intent, order_number, amount, currency):
    metadata = intent.metadata.to_dict() if intent.metadata else {}
    if metadata.get("order_number") != str(order_number):
        raise PaymentDeclined(_("This payment does not belong to your order. Please try again."))
    if intent.amount != to_minor_units(amount) or intent.currency != currency.lower():
        cancel(intent.id)
        raise PaymentDeclined(_("Your basket changed during payment. Nothing was charged; please pay again."))
    if intent.status == "requires_capture":
        return Authorisation(intent.id, amount, currency)
    if intent.status == "requires_action":
        raise PaymentNeedsAction(intent.id, intent.client_secret)
    error = getattr(intent, "last_payment_error", None)
    if intent.status != "canceled":
        cancel(intent.id)
    message = getattr(error, "message", None) if error else None
    raise PaymentDeclined(message or _("Your card was declined. Please use another card."))


def authorise(order_number, amount, currency, payment_method_id):
    """Create and confirm a manual-capture PaymentIntent for the order."""
    try:
        intent = client().v1.payment_intents.create(
            params={
                "amount": to_minor_units(amount),
                "currency": currency.lower(),
                "payment_method": payment_method_id,
                "confirm": True,
                "capture_method": "manual",
                "metadata": {"order_number": str(order_number)},
            },
            # Deterministic: a retried request for this order and card never authorises twice.
            options={"idempotency_key": f"order-{order_number}-{payment_method_id}-authorise"},
        )
    except stripe.CardError as error:
        raise PaymentDeclined(error.user_message or _("Your card was declined. Please use another card.")) from error
    except stripe.InvalidRequestError as error:
        raise PaymentDeclined(_("Your card details could not be used. Please check them and try again.")) from error
    return _check(intent, order_number, amount, currency)


def resume(order_number, amount, currency, intent_id):
    """After 3-D Secure in the browser: re-read the intent on the server."""
    try:
        intent = client().v1.payment_intents.retrieve(intent_id)
    except stripe.InvalidRequestError as error:
        raise PaymentDeclined(_("This payment could not be found. Please try again.")) from error
    return _check(intent, order_number, amount, currency)


def capture(intent_id, order_number):
    return client().v1.payment_intents.capture(
        intent_id, options={"idempotency_key": f"order-{order_number}-{intent_id}-capture"}
    )


def cancel(intent_id):
    try:
        return client().v1.payment_intents.cancel(intent_id)
    except stripe.InvalidRequestError:
        return None  # already captured or cancelled: nothing to release


def refund(intent_id, amount, order_number):
    return client().v1.refunds.create(
        params={"payment_intent": intent_id, "amount": to_minor_units(amount)},
        options={"idempotency_key": f"order-{order_number}-{intent_id}-refund-{to_minor_units(amount)}"},
    )
