# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""Wagtail admin: the orders-and-revenue dashboard panel and refunds through Stripe."""

import pytest
from django.contrib.auth.models import Permission
from oscar.test.factories import create_order

from shop.order_status import PAID, REFUNDED, REFUNDED_EVENT
from tests.shop_checkout_helpers import fake_stripe, fake_stripe_server  # noqa: F401
from tests.stripe_helpers import stripe_order

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_panel_is_not_rendered_without_orders(client, admin_user):
    assert "Orders and revenue" not in dashboard(client, admin_user)


def test_panel_shows_orders_and_revenue_to_permitted_users_only(client, admin_user, django_user_model):
    order = create_order(number="300001")
    order.status = PAID
    order.save()
    html = dashboard(client, admin_user)
    assert "Orders and revenue" in html
    assert "300001" not in html  # aggregates only
    editor = django_user_model.objects.create_user(email="ed@example.com", password="x-pass-12345")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "Orders and revenue" not in dashboard(client, editor)


def test_admin_refund_issues_a_stripe_refund_and_records_it(client, admin_user, fake_stripe):
    stripe_client = fake_stripe.client()
    intent = fake_stripe.authorised_intent("300002", 2450, captured=True)
    order = stripe_order("300002", PAID, intent.id, debited=True)
    client.force_login(admin_user)
    assert "300002" in client.get("/admin/shop/orders/").content.decode()
    response = client.post("/admin/shop/orders/300002/refund/")
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == REFUNDED
    assert order.sources.get().amount_refunded == order.total_incl_tax
    assert order.payment_events.filter(event_type__name=REFUNDED_EVENT).exists()
    charge = stripe_client.v1.payment_intents.retrieve(intent.id).latest_charge
    charge_id = charge if isinstance(charge, str) else charge.id
    assert stripe_client.v1.charges.retrieve(charge_id).amount_refunded > 0
    # A second click does nothing more.
    client.post("/admin/shop/orders/300002/refund/")
    assert order.payment_events.filter(event_type__name=REFUNDED_EVENT).count() == 1
