"""Stripe webhooks: signatures on the raw body, each event once, any delivery order."""

import json
import time
from decimal import Decimal

import pytest
from oscar.test.factories import create_order

from shop.models import StripeEvent
from shop.order_status import CANCELLED, PAID, PENDING, REFUNDED, REFUNDED_EVENT
from tests.shop_models import StockAlert
from tests.stripe_helpers import post_webhook, signature_header, stripe_order
from tests.stripe_helpers import stripe_event as event

SECRET = "whsec_test_shop"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET


@pytest.fixture
def order(home_page):
    return stripe_order("200001", PENDING, "pi_test_1")


def post(client, payload, timestamp=None, secret=SECRET):
    return post_webhook(client, payload, secret, timestamp)


def succeeded(n=1):
    return event(f"evt_succ_{n}", "payment_intent.succeeded", {"id": "pi_test_1", "object": "payment_intent"})


def refunded(order, n=1):
    cents = int(order.total_incl_tax * 100)
    charge = {
        "id": "ch_1",
        "object": "charge",
        "payment_intent": "pi_test_1",
        "amount_refunded": cents,
        "refunded": True,
    }
    return event(f"evt_ref_{n}", "charge.refunded", charge)


def test_signed_payment_succeeded_marks_the_order_paid(client, order):
    response = post(client, succeeded())
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == PAID
    assert order.sources.get().amount_debited == order.total_incl_tax


@pytest.mark.parametrize(
    "how",
    ["unsigned", "wrong secret", "tampered", "stale"],
)
def test_bad_signatures_are_refused_and_change_nothing(client, order, how):
    payload = succeeded()
    if how == "unsigned":
        response = post_webhook(client, payload)
    elif how == "wrong secret":
        response = post(client, payload, secret="whsec_other")
    elif how == "tampered":
        body = json.dumps(payload)
        tampered = body.replace("pi_test_1", "pi_test_2")
        response = post_webhook(client, tampered, signature=signature_header(body, SECRET))
    else:
        response = post(client, payload, timestamp=int(time.time()) - 3600)
    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == PENDING
    assert not StripeEvent.objects.exists()


def test_duplicate_events_are_applied_once(client, order):
    assert post(client, succeeded()).status_code == 200
    assert post(client, refunded(order)).status_code == 200
    assert post(client, refunded(order)).content == b"duplicate"
    source = order.sources.get()
    assert source.amount_refunded == order.total_incl_tax
    assert order.payment_events.filter(event_type__name=REFUNDED_EVENT).count() == 1
    order.refresh_from_db()
    assert order.status == REFUNDED


def test_out_of_order_delivery_ends_in_the_right_state(client, order):
    # The refund arrives before the payment's own success event, which arrives last.
    assert post(client, refunded(order)).status_code == 200
    assert post(client, succeeded()).status_code == 200
    order.refresh_from_db()
    assert order.status == REFUNDED
    assert order.sources.get().amount_refunded == order.total_incl_tax


def test_cancelled_intent_cancels_a_pending_order_but_not_a_paid_one(client, order):
    post(client, succeeded())
    post(client, event("evt_c", "payment_intent.canceled", {"id": "pi_test_1", "object": "payment_intent"}))
    order.refresh_from_db()
    assert order.status == PAID


def test_payment_failed_on_a_pending_order_cancels_it(client, order):
    post(client, event("evt_f", "payment_intent.payment_failed", {"id": "pi_test_1", "object": "payment_intent"}))
    order.refresh_from_db()
    assert order.status == CANCELLED


def test_partial_refund_is_recorded_without_changing_status(client, order):
    post(client, succeeded())
    charge = {
        "id": "ch_2",
        "object": "charge",
        "payment_intent": "pi_test_1",
        "amount_refunded": 100,
        "refunded": False,
    }
    post(client, event("evt_p", "charge.refunded", charge))
    order.refresh_from_db()
    assert order.status == PAID
    assert order.sources.get().amount_refunded == Decimal("1.00")


def test_a_cancelled_order_gives_its_reserved_stock_back(client, order):
    line = order.lines.get()
    stockrecord = line.stockrecord
    allocated_before = stockrecord.num_allocated
    assert allocated_before >= line.quantity  # placing the order reserved the units
    post(client, event("evt_f2", "payment_intent.payment_failed", {"id": "pi_test_1", "object": "payment_intent"}))
    order.refresh_from_db()
    stockrecord.refresh_from_db()
    assert order.status == CANCELLED
    assert stockrecord.num_allocated == allocated_before - line.quantity


def test_an_order_that_leaves_little_stock_raises_a_low_stock_alert(home_page, monkeypatch):
    from oscar.test.factories import create_product

    from shop.stock import GuardedOrderCreator

    monkeypatch.setattr("oscar.test.factories.OrderCreator", GuardedOrderCreator)  # place it as our checkout does

    product = create_product(price=Decimal("10.00"), num_in_stock=3)
    stockrecord = product.stockrecords.get()
    stockrecord.low_stock_threshold = 2
    stockrecord.save()
    from oscar.test.factories import create_basket

    basket = create_basket(empty=True)
    basket.add_product(product, quantity=2)
    create_order(number="200777", basket=basket)
    assert StockAlert.objects.filter(stockrecord=stockrecord, status=StockAlert.OPEN).exists()
