"""Oscar's payment step with Stripe (Card Element + PaymentIntents, manual capture).

Flow (every step posts the payment form to `checkout:preview` with action=place_order):
1. the browser turns the card field into a PaymentMethod (Stripe.js) and posts its id;
2. the server creates and confirms a manual-capture PaymentIntent (idempotency key per order);
3. on `requires_action` the page runs 3-D Secure (`confirmCardPayment`) and posts the intent id;
4. the server re-reads the intent, places the order with the guarded stock allocation and
   captures; if placing fails (e.g. sold out), the intent is cancelled and the customer told.
Without Stripe keys the page says payment is offline; in DEBUG it offers a test payment.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.apps.checkout import views as oscar_views
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from . import payments
from .checkout_flow import PickupAwareMixin
from .emails import send_order_placed
from .models import OrderLanguage
from .order_status import PAID
from .processing import EventHandler
from .stock import GuardedOrderCreator, SoldOut

logger = logging.getLogger(__name__)
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class PaymentDetailsView(PickupAwareMixin, oscar_views.PaymentDetailsView):
    template_name = "oscar/checkout/payment_details.html"
    template_name_preview = "oscar/checkout/payment_details.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stripe_enabled"] = payments.is_configured()
        context["stripe_publishable_key"] = settings.STRIPE_PUBLISHABLE_KEY
        context["stripe_js_url"] = settings.STRIPE_JS_URL
        context["test_payment_allowed"] = not payments.is_configured() and settings.DEBUG
        total = context.get("order_total")
        # A fully discounted order (e.g. a 100 % voucher with pickup) is placed without a card.
        context["nothing_to_pay"] = total is not None and total.incl_tax <= 0
        return context

    # Oscar skips this page when nothing is to be paid; we show it anyway (summary + "Place order").
    def get_skip_conditions(self, request):
        return []

    # The payment form is on the payment-details page itself; there is no separate preview.
    def render_preview(self, request, **kwargs):
        return self.render_payment_details(request, **kwargs)

    def handle_payment_details_submission(self, request):
        return self.render_payment_details(request)

    def handle_place_order_submission(self, request):
        state = {}
        payment_kwargs = {
            "payment_method_id": request.POST.get("payment_method_id", "").strip(),
            "payment_intent_id": request.POST.get("payment_intent_id", "").strip(),
            "test_payment": request.POST.get("test_payment") == "1",
            "stripe_state": state,
        }
        submission = self.build_submission(payment_kwargs=payment_kwargs)
        self._stripe_state = state
        return self.submit(**submission)

    def handle_payment(
        self, order_number, total, payment_method_id="", payment_intent_id="", test_payment=False, stripe_state=None
    ):
        currency = total.currency
        if total.incl_tax <= 0:
            self._nothing_to_pay = True  # no card, no payment source: the order is settled
            return
        if payments.is_configured():
            source_type = get_source_type("Stripe")  # before authorising: nothing may fail after it
            try:
                if payment_intent_id:
                    auth = payments.resume(order_number, total.incl_tax, currency, payment_intent_id)
                elif payment_method_id:
                    auth = payments.authorise(order_number, total.incl_tax, currency, payment_method_id)
                else:
                    raise UnableToTakePayment(_("Please enter your card details."))
            except payments.PaymentNeedsAction as action:
                stripe_state.update(client_secret=action.client_secret, intent_id=action.intent_id)
                raise UnableToTakePayment(str(action)) from action
            except payments.PaymentDeclined as declined:
                raise UnableToTakePayment(str(declined)) from declined
            self._authorised_intent = auth.intent_id
            self.add_payment_source(
                Source(
                    source_type=source_type,
                    currency=currency,
                    amount_allocated=total.incl_tax,
                    reference=auth.intent_id,
                )
            )
            return
        if test_payment and settings.DEBUG:
            source_type = get_source_type("Test payment (DEBUG only)")
            reference = f"test-{order_number}"
            self.add_payment_source(
                Source(source_type=source_type, currency=currency, amount_allocated=total.incl_tax, reference=reference)
            )
            self._settled_reference = reference  # taken at once once the order exists
            return
        raise UnableToTakePayment(_("Online payment is offline at the moment. Nothing was charged."))

    def get_customer_email(self):
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email() or ""

    def handle_order_placement(self, order_number, *args, **kwargs):
        try:
            return super().handle_order_placement(order_number, *args, **kwargs)
        except SoldOut as sold_out:
            self._release_authorisation()
            raise UnableToPlaceOrder(str(sold_out)) from sold_out
        except Exception:
            self._release_authorisation()
            raise

    def _release_authorisation(self):
        intent_id = getattr(self, "_authorised_intent", None)
        if intent_id:
            payments.cancel(intent_id)

    def place_order(self, order_number, user, basket, shipping_address, shipping_method, shipping_charge,
                    order_total, billing_address=None, surcharges=None, **kwargs):  # fmt: skip
        status = kwargs.pop("status", None) or settings.OSCAR_INITIAL_ORDER_STATUS
        request = kwargs.pop("request", None) or self.request
        with transaction.atomic():
            shipping_address = self.create_shipping_address(user, shipping_address)
            billing_address = self.create_billing_address(user, billing_address, shipping_address, **kwargs)
            order = GuardedOrderCreator().place_order(
                user=user,
                order_number=order_number,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                total=order_total,
                billing_address=billing_address,
                status=status,
                request=request,
                surcharges=surcharges,
                **kwargs,
            )
            self.save_payment_details(order)
            OrderLanguage.objects.update_or_create(
                order_number=order.number, defaults={"language": translation.get_language() or settings.LANGUAGE_CODE}
            )
        return order

    def handle_successful_order(self, order):
        handler = EventHandler()
        intent_id = getattr(self, "_authorised_intent", None)
        if intent_id:
            try:
                payments.capture(intent_id, order.number)
            except Exception:  # noqa: BLE001 - the order exists; staff capture it from the admin
                logger.exception("Order %s: capturing %s failed; the order stays Pending", order.number, intent_id)
            else:
                record_capture(order, intent_id, handler)
        elif reference := getattr(self, "_settled_reference", None):
            record_capture(order, reference, handler)
        elif getattr(self, "_nothing_to_pay", False):
            handler.advance(order, PAID)
        return super().handle_successful_order(order)

    def send_order_placed_email(self, order):
        send_order_placed(order)


def get_source_type(name):
    """Get or create a payment SourceType by its unique code, so concurrent checkouts agree."""
    source_type, _created = SourceType.objects.get_or_create(code=slugify(name), defaults={"name": name})
    return source_type


def record_capture(order, reference, handler=None):
    """The payment with this reference (a captured PaymentIntent) was taken: the handler records it
    and marks the order paid (idempotent)."""
    handler = handler or EventHandler()
    source = order.sources.filter(reference=reference).first()
    if source is not None:
        handler.handle_settlement(order, source, reference=reference)
    else:
        handler.advance(order, PAID)
