# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""Order emails in the customer's language: product titles from the translated ProductPage,
status changes (shipped, refunded, cancelled) sent by the background worker."""

import pytest
from oscar.apps.partner.strategy import Default
from oscar.test.factories import create_order

from shop.emails import send_order_placed
from shop.models import OrderLanguage
from shop.order_status import CANCELLED, PAID, PENDING, REFUNDED, SHIPPED
from tests.shop_checkout_helpers import fake_stripe, fake_stripe_server  # noqa: F401
from tests.shop_models import Basket, Order, Product
from tests.stripe_helpers import add_stripe_source, post_webhook, stripe_event

pytestmark = pytest.mark.django_db

WEBHOOK_SECRET = "whsec_test_shop_emails"
SHAMPOO = {
    "en": "Repair shampoo with argan oil",
    "de": "Reparatur-Shampoo mit Arganöl",
    "ru": "Восстанавливающий шампунь с аргановым маслом",
}
CONDITIONER = {"en": "Moisture conditioner", "de": "Feuchtigkeitsspülung", "ru": "Увлажняющий кондиционер"}


def place(number, language, status=PENDING, email="kunde@example.com"):
    """An order for shampoo (with a scent) and conditioner, placed in `language`."""
    basket = Basket.objects.create()
    basket.strategy = Default()
    basket.add_product(Product.objects.get(upc="AUR-001"), quantity=2)
    basket.add_product(Product.objects.get(upc="AUR-002"))
    order = create_order(number=number, basket=basket, guest_email=email)
    order.status = status
    order.save()
    OrderLanguage.objects.create(order_number=number, language=language)
    return order


def webhook(client, settings, event_id, event_type, obj):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    response = post_webhook(client, stripe_event(event_id, event_type, obj), WEBHOOK_SECRET)
    assert response.status_code == 200, response.content


def email_for(mailoutbox, number, subject_part):
    matches = [m for m in mailoutbox if number in m.subject and subject_part in m.subject]
    assert len(matches) == 1, [m.subject for m in mailoutbox]
    return matches[0]


def test_confirmation_lists_the_products_under_their_german_titles(demo_site, run_tasks, mailoutbox):
    order = place("400001", "de")
    send_order_placed(order)
    assert not mailoutbox  # queued for the worker, not sent in the request
    run_tasks()
    email = email_for(mailoutbox, "400001", "Ihre Bestellung")
    html = email.alternatives[0][0]
    for body in (email.body, html):
        assert "Vielen Dank für Ihre Bestellung" in body
        assert SHAMPOO["de"] in body
        assert CONDITIONER["de"] in body
        assert SHAMPOO["en"] not in body
        assert CONDITIONER["en"] not in body
    assert f"2 × {SHAMPOO['de']}" in email.body
    assert "37,80" in email.body  # 2 × 18,90 € in German number format


def test_an_untranslated_product_falls_back_to_oscars_title(demo_site, home_page, run_tasks, mailoutbox):
    from wagtail.models import Locale

    from shop.models import ProductPage

    # Take the German ProductPage of the conditioner off the site.
    ProductPage.objects.filter(product__upc="AUR-002", locale=Locale.objects.get(language_code="de")).update(live=False)
    send_order_placed(place("400002", "de"))
    run_tasks()
    email = email_for(mailoutbox, "400002", "Ihre Bestellung")
    assert SHAMPOO["de"] in email.body
    assert CONDITIONER["en"] in email.body


def test_dashboard_shipped_sends_the_german_shipped_email(client, admin_user, run_tasks, mailoutbox, demo_site):
    place("400003", "de", status=PAID)
    client.force_login(admin_user)
    response = client.post(
        "/en/shop/dashboard/orders/400003/", {"order_action": "change_order_status", "new_status": SHIPPED}
    )
    assert response.status_code == 302
    assert Order.objects.get(number="400003").status == SHIPPED
    assert not mailoutbox
    run_tasks()
    email = email_for(mailoutbox, "400003", "ist unterwegs")
    assert email.subject == "Ihre Bestellung 400003 ist unterwegs"
    assert "Gute Nachricht: Ihre Bestellung wurde versandt." in email.body
    assert SHAMPOO["de"] in email.body and CONDITIONER["de"] in email.body
    assert email.extra_headers["Content-Language"] == "de"


def test_refund_webhook_sends_the_german_refund_email(client, settings, demo_site, run_tasks, mailoutbox):
    order = place("400004", "de", status=SHIPPED)
    add_stripe_source(order, "pi_emails_refund", debited=True)
    charge = {
        "id": "ch_emails_1",
        "object": "charge",
        "payment_intent": "pi_emails_refund",
        "amount_refunded": int(order.total_incl_tax * 100),
        "refunded": True,
    }
    webhook(client, settings, "evt_emails_refund", "charge.refunded", charge)
    assert Order.objects.get(number="400004").status == REFUNDED
    run_tasks()
    email = email_for(mailoutbox, "400004", "wurde erstattet")
    assert "Wir haben Ihre Zahlung erstattet." in email.body
    assert SHAMPOO["de"] in email.body


def test_cancelled_intent_webhook_sends_the_german_cancellation(client, settings, demo_site, run_tasks, mailoutbox):
    order = place("400005", "de", status=PENDING)
    add_stripe_source(order, "pi_emails_cancel")
    intent = {"id": "pi_emails_cancel", "object": "payment_intent", "status": "canceled"}
    webhook(client, settings, "evt_emails_cancel", "payment_intent.canceled", intent)
    assert Order.objects.get(number="400005").status == CANCELLED
    run_tasks()
    email = email_for(mailoutbox, "400005", "wurde storniert")
    assert "Ihre Bestellung wurde storniert." in email.body
    assert CONDITIONER["de"] in email.body
    # A repeated event sends nothing more.
    webhook(client, settings, "evt_emails_cancel", "payment_intent.canceled", intent)
    run_tasks()
    assert len([m for m in mailoutbox if "400005" in m.subject]) == 1


def test_admin_refund_sends_the_russian_refund_email(client, admin_user, fake_stripe, demo_site, run_tasks, mailoutbox):
    order = place("400006", "ru", status=PAID)
    intent = fake_stripe.authorised_intent("400006", int(order.total_incl_tax * 100), captured=True)
    add_stripe_source(order, intent.id, debited=True)
    client.force_login(admin_user)  # staff work in English; the customer hears Russian
    response = client.post("/admin/shop/orders/400006/refund/")
    assert response.status_code == 302
    assert Order.objects.get(number="400006").status == REFUNDED
    run_tasks()
    email = email_for(mailoutbox, "400006", "возвращены")
    assert email.subject == "Деньги за заказ 400006 возвращены"
    assert "Мы вернули ваш платёж." in email.body
    assert SHAMPOO["ru"] in email.body and CONDITIONER["ru"] in email.body
    assert email.extra_headers["Content-Language"] == "ru"
