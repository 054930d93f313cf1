# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""The order event handler (shop/processing.py): one place for payment events, statuses and stock,
used by Oscar's dashboard, the Stripe webhook, checkout and the admin refund."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class

from shop import order_status
from shop.order_status import CANCELLED, PAID, PENDING, REFUNDED, SHIPPED
from shop.processing import EventHandler
from tests.shop_checkout_helpers import fake_stripe, fake_stripe_server  # noqa: F401
from tests.shop_models import Order, Source
from tests.stripe_helpers import post_webhook, stripe_event, stripe_order

SECRET = "whsec_test_processing"
pytestmark = pytest.mark.django_db


@pytest.fixture
def order(home_page):
    return stripe_order("500001", PENDING, "pi_processing_1")  # Oscar's OrderCreator reserves the line's units


def stock_of(order):
    line = order.lines.get()
    record = line.stockrecord
    record.refresh_from_db()
    return line.quantity, record.num_in_stock, record.num_allocated


def webhook(client, settings, event_id, event_type, obj):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    response = post_webhook(client, stripe_event(event_id, event_type, obj), SECRET)
    assert response.status_code == 200
    return response.content.decode()


def intent(event_type):
    return event_type, {"id": "pi_processing_1", "object": "payment_intent"}


def refund(order, cents=None, charge="ch_p1"):
    cents = int(order.total_incl_tax * 100) if cents is None else cents
    full = cents >= int(order.total_incl_tax * 100)
    return "charge.refunded", {
        "id": charge,
        "object": "charge",
        "payment_intent": "pi_processing_1",
        "amount_refunded": cents,
        "refunded": full,
    }


def test_oscar_asks_for_the_event_handler_and_gets_the_shops():
    assert get_class("order.processing", "EventHandler") is EventHandler
    mixin = get_class("order.mixins", "EventHandlerMixin")
    assert mixin.handler_class is EventHandler  # Oscar's dashboard changes statuses through it


def test_failed_payment_cancels_once_and_releases_stock_once_on_replays(client, settings, order, mailoutbox):
    quantity, in_stock, allocated = stock_of(order)
    assert allocated >= quantity
    # Stripe retries one event (same id) and may report the same fact in a second event.
    assert webhook(client, settings, "evt_p_fail", *intent("payment_intent.payment_failed")) == CANCELLED
    assert webhook(client, settings, "evt_p_fail", *intent("payment_intent.payment_failed")) == "duplicate"
    assert webhook(client, settings, "evt_p_cancel", *intent("payment_intent.canceled")) == CANCELLED
    assert stock_of(order) == (quantity, in_stock, allocated - quantity)
    EventHandler().handle_payment_failure(order)  # and once more straight through the handler
    EventHandler().handle_order_status_change(order, CANCELLED)
    assert stock_of(order) == (quantity, in_stock, allocated - quantity)
    order.refresh_from_db()
    assert order.status == CANCELLED


def test_replayed_capture_settles_once(client, settings, order):
    assert webhook(client, settings, "evt_p_s1", *intent("payment_intent.succeeded")) == PAID
    assert webhook(client, settings, "evt_p_s2", *intent("payment_intent.succeeded")) == PAID  # a second report
    EventHandler().handle_settlement(order, order.sources.get())
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax
    settled = order.payment_events.filter(event_type__name=order_status.SETTLED_EVENT)
    assert [event.amount for event in settled] == [order.total_incl_tax]


def test_refund_before_shipping_gives_the_stock_back_once(client, settings, order, mailoutbox):
    quantity, in_stock, allocated = stock_of(order)
    webhook(client, settings, "evt_p_s", *intent("payment_intent.succeeded"))
    half = int(order.total_incl_tax * 100) // 2
    assert webhook(client, settings, "evt_p_r1", *refund(order, half)) == PAID  # partial: nothing moves
    assert stock_of(order) == (quantity, in_stock, allocated)
    assert webhook(client, settings, "evt_p_r2", *refund(order)) == REFUNDED
    assert webhook(client, settings, "evt_p_r3", *refund(order)) == REFUNDED  # the same running total again
    assert stock_of(order) == (quantity, in_stock, allocated - quantity)
    refunds = order.payment_events.filter(event_type__name=order_status.REFUNDED_EVENT)
    assert sum(event.amount for event in refunds) == order.total_incl_tax
    assert refunds.count() == 2
    assert order.sources.get().amount_refunded == order.total_incl_tax


def test_shipping_takes_the_units_off_the_shelf_and_a_later_refund_leaves_stock_alone(
    client, admin_user, settings, order
):
    quantity, in_stock, allocated = stock_of(order)
    webhook(client, settings, "evt_p_s", *intent("payment_intent.succeeded"))
    client.force_login(admin_user)
    response = client.post(
        f"/en/shop/dashboard/orders/{order.number}/", {"order_action": "change_order_status", "new_status": SHIPPED}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == SHIPPED
    assert stock_of(order) == (quantity, in_stock - quantity, allocated - quantity)
    assert order.notes.filter(message__contains=SHIPPED).exists()  # Oscar's note, written by our handler
    webhook(client, settings, "evt_p_r", *refund(order))
    order.refresh_from_db()
    assert order.status == REFUNDED
    assert stock_of(order) == (quantity, in_stock - quantity, allocated - quantity)


def test_shipping_after_staff_changed_the_stock_numbers_stops_at_zero(order):
    EventHandler().advance(order, PAID)
    line = order.lines.get()
    type(line.stockrecord).objects.filter(pk=line.stockrecord_id).update(num_allocated=0, num_in_stock=0)
    EventHandler().handle_order_status_change(order, SHIPPED)
    _quantity, in_stock, allocated = stock_of(order)
    assert (in_stock, allocated) == (0, 0)


def test_statuses_never_go_backwards(order):
    handler = EventHandler()
    handler.advance(order, REFUNDED)  # walks Pending → Paid → Refunded
    assert Order.objects.get(pk=order.pk).status == REFUNDED
    handler.advance(order, PAID)
    assert Order.objects.get(pk=order.pk).status == REFUNDED
    with pytest.raises(InvalidOrderStatus):
        handler.handle_order_status_change(order, SHIPPED)


def test_only_the_handler_changes_order_statuses_and_spells_them():
    """The kind, not the instance: no other shop module sets a status or spells one out."""
    shop = Path(__file__).resolve().parents[2] / "shop"
    spelled = re.compile(r"""["'](Pending|Paid|Shipped|Refunded|Cancelled|Settled)["']""")
    offenders = []
    for path in shop.rglob("*.py"):
        if path.name in ("order_status.py",) or "migrations" in path.parts:
            continue
        text = path.read_text()
        if ".set_status(" in text and path.name != "processing.py":
            offenders.append(f"{path.name}: set_status")
        offenders += [f"{path.name}: {m.group(0)}" for m in spelled.finditer(text)]
    assert offenders == []


@pytest.mark.parametrize(
    ("current", "target", "path"),
    [
        (PENDING, PAID, [PAID]),
        (PENDING, REFUNDED, [PAID, REFUNDED]),
        (PAID, REFUNDED, [REFUNDED]),
        (SHIPPED, PAID, []),
        (CANCELLED, REFUNDED, []),
        (PAID, PAID, []),
    ],
)
def test_path_to_walks_the_pipeline_forwards_only(current, target, path):
    assert order_status.path_to(current, target) == path


def test_a_refund_of_nothing_changes_nothing(order):
    assert EventHandler().handle_refund(order, order.sources.get(), Decimal("0.00")) == 0
    assert Order.objects.get(pk=order.pk).status == PENDING


def dashboard_status(client, order, status):
    response = client.post(
        f"/en/shop/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": status},
        follow=True,
    )
    assert response.status_code == 200
    order.refresh_from_db()
    return response.content.decode()


def test_staff_cannot_mark_a_card_payment_refunded_or_cancelled_without_refunding_it(
    client, admin_user, settings, order
):
    quantity, in_stock, allocated = stock_of(order)
    webhook(client, settings, "evt_p_s", *intent("payment_intent.succeeded"))
    client.force_login(admin_user)
    for status in (REFUNDED, CANCELLED):
        html = dashboard_status(client, order, status)
        assert order.status == PAID
        assert "has not been refunded" in html
    assert stock_of(order) == (quantity, in_stock, allocated)  # nothing released either
    # Once Stripe reports the refund, the order moves by itself.
    webhook(client, settings, "evt_p_r", *refund(order))
    order.refresh_from_db()
    assert order.status == REFUNDED


def test_staff_can_cancel_an_order_whose_card_was_not_charged(client, admin_user, order):
    quantity, in_stock, allocated = stock_of(order)
    client.force_login(admin_user)
    dashboard_status(client, order, CANCELLED)
    assert order.status == CANCELLED
    assert stock_of(order) == (quantity, in_stock, allocated - quantity)


def test_staff_cancelling_a_pending_order_releases_the_card_authorisation(
    client, admin_user, order, fake_stripe, django_capture_on_commit_callbacks
):
    authorised = fake_stripe.authorised_intent(order.number, int(order.total_incl_tax * 100))
    assert authorised.status == "requires_capture"
    Source.objects.filter(order=order).update(reference=authorised.id)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        dashboard_status(client, order, CANCELLED)
    assert order.status == CANCELLED
    assert fake_stripe.intent(authorised.id).status == "canceled"
