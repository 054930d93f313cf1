# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""Checkout against localstripe: guest payment, decline, 3-D Secure, sold out, order email."""

import pytest

from shop.models import OrderLanguage
from shop.order_status import PAID
from tests.shop_checkout_helpers import fake_stripe, fake_stripe_server, pay, prepare_checkout  # noqa: F401
from tests.shop_models import Order, Product, StockRecord

pytestmark = pytest.mark.django_db

VISA = "4242424242424242"
DECLINED = "4000000000000341"
THREE_D_SECURE = "4000000000003220"


@pytest.fixture
def shampoo(demo_site):
    return Product.objects.get(upc="AUR-001")


@pytest.fixture
def conditioner(demo_site):
    return Product.objects.get(upc="AUR-002")


def test_guest_pays_by_card_and_the_order_is_paid_and_captured(client, fake_stripe, shampoo, run_tasks, mailoutbox):
    page = prepare_checkout(client, shampoo, options={"scent": "Argan"})
    assert page.status_code == 200
    assert fake_stripe.url + "/js.stripe.com/v3/" in page.content.decode()
    response = pay(client, payment_method_id=fake_stripe.payment_method(VISA))
    assert response.status_code == 302, response.context.get("error")
    assert response.url == "/de/shop/checkout/thank-you/"
    order = Order.objects.get()
    assert order.status == PAID
    assert order.email == "erika@example.com"
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax
    intent = fake_stripe.intent(source.reference)
    assert intent.status == "succeeded"
    assert intent.amount == 1890
    assert StockRecord.objects.get(product=shampoo).num_allocated == 1
    assert OrderLanguage.objects.get(order_number=order.number).language == "de"
    thanks = client.get(response.url).content.decode()
    assert order.number in thanks

    run_tasks()
    email = next(m for m in mailoutbox if order.number in m.subject)
    assert email.to == ["erika@example.com"]
    assert "Vielen Dank für Ihre Bestellung" in email.body
    assert "1 × Reparatur-Shampoo mit Arganöl" in email.body  # the German ProductPage title
    assert "18,90" in email.body
    assert "Duft" in email.body or "Scent" in email.body
    assert email.alternatives and "<table" in email.alternatives[0][0]


def test_declined_card_shows_a_clear_error_and_places_no_order(client, fake_stripe, conditioner):
    prepare_checkout(client, conditioner)
    response = pay(client, payment_method_id=fake_stripe.payment_method(DECLINED))
    assert response.status_code == 200
    html = response.content.decode()
    assert "declined" in html.lower() or "abgelehnt" in html.lower()
    assert not Order.objects.exists()
    assert StockRecord.objects.get(product=conditioner).num_allocated in (None, 0)
    # The basket is still there to try another card.
    response = pay(client, payment_method_id=fake_stripe.payment_method(VISA))
    assert response.status_code == 302
    assert Order.objects.count() == 1


def test_three_d_secure_is_confirmed_in_the_browser_then_the_order_is_placed(client, fake_stripe, conditioner):
    prepare_checkout(client, conditioner)
    response = pay(client, payment_method_id=fake_stripe.payment_method(THREE_D_SECURE))
    assert response.status_code == 200
    state = response.context["stripe_state"]
    assert state["client_secret"] and not Order.objects.exists()
    assert 'data-client-secret="' + state["client_secret"] + '"' in response.content.decode()
    fake_stripe.authenticate(state["intent_id"], state["client_secret"], success=True)
    response = pay(client, payment_intent_id=state["intent_id"])
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.status == PAID
    assert fake_stripe.intent(state["intent_id"]).status == "succeeded"


def test_failed_three_d_secure_places_no_order(client, fake_stripe, conditioner):
    prepare_checkout(client, conditioner)
    response = pay(client, payment_method_id=fake_stripe.payment_method(THREE_D_SECURE))
    state = response.context["stripe_state"]
    fake_stripe.authenticate(state["intent_id"], state["client_secret"], success=False)
    response = pay(client, payment_intent_id=state["intent_id"])
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_an_intent_of_another_order_is_refused(client, fake_stripe, conditioner):
    prepare_checkout(client, conditioner)
    other = fake_stripe.authorised_intent("999", 1990, card=VISA)
    response = pay(client, payment_intent_id=other.id)
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_sold_out_while_paying_cancels_the_intent_and_says_so(client, fake_stripe, conditioner):
    from oscar.apps.checkout.signals import pre_payment

    StockRecord.objects.filter(product=conditioner).update(num_in_stock=1, num_allocated=0)
    prepare_checkout(client, conditioner)

    def someone_else_buys_the_last_one(sender, **kwargs):
        # Another customer's order takes the last unit after our availability check.
        StockRecord.objects.filter(product=conditioner).update(num_allocated=1)

    earlier = {intent.id for intent in fake_stripe.intents()}
    pre_payment.connect(someone_else_buys_the_last_one)
    try:
        response = pay(client, payment_method_id=fake_stripe.payment_method(VISA))
    finally:
        pre_payment.disconnect(someone_else_buys_the_last_one)
    assert response.status_code == 200
    assert "während Ihres Bezahlvorgangs ausverkauft" in response.content.decode()
    assert not Order.objects.exists()
    record = StockRecord.objects.get(product=conditioner)
    assert record.num_allocated == record.num_in_stock == 1
    # This checkout's intent: `created` has whole seconds, and fast tests share seconds.
    (latest,) = [intent for intent in fake_stripe.intents() if intent.id not in earlier]
    assert latest.status == "canceled"


def test_without_stripe_keys_payment_is_offline(client, conditioner, settings):
    settings.STRIPE_SECRET_KEY = ""
    page = prepare_checkout(client, conditioner, lang="en")
    html = page.content.decode()
    assert "Online payment is offline" in html
    assert "test order" not in html  # DEBUG is off
    response = pay(client, lang="en", test_payment="1")
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_debug_test_payment_places_a_paid_order(client, conditioner, settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.DEBUG = True
    prepare_checkout(client, conditioner, lang="en")
    response = pay(client, lang="en", test_payment="1")
    assert response.status_code == 302
    assert Order.objects.get().status == PAID
