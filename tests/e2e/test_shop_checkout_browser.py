# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""Browser: a German guest buys a product with a test card through localstripe's fake Stripe.js."""

import re

import pytest
from playwright.sync_api import expect

from shop.order_status import PAID
from tests.shop_checkout_helpers import fake_stripe, fake_stripe_server  # noqa: F401
from tests.shop_models import Order


def checkout_to_payment(page, base):
    page.goto(base + "/de/produkte/")
    page.get_by_role("link", name="Reparatur-Shampoo mit Arganöl").first.click()
    page.select_option("select[name=scent]", "Argan")
    page.get_by_role("button", name="In den Warenkorb").click()
    page.goto(base + "/de/shop/checkout/")
    page.fill("input[name=username]", "erika@example.com")
    page.check("input[name=options][value=anonymous]")
    page.locator("#content_inner").get_by_role("button", name="Weiter").click()
    # The delivery method comes before the address; pickup skips the address step.
    page.wait_for_url("**/checkout/shipping-method/")
    expect(page.get_by_text("Standardversand")).to_be_visible()
    page.check("input[name=method_code][value=salon-pickup]")
    page.locator("#content_inner").get_by_role("button", name="Weiter").click()
    page.wait_for_url("**/checkout/payment-details/")
    # The site's layout: header with the language switcher, footer.
    expect(page.locator("header")).to_be_visible()
    expect(page.locator("footer.site-footer")).to_be_visible()


def fill_card(page, number):
    page.fill("#card-element input[placeholder=number]", number)
    page.fill("#card-element input[placeholder=exp_month]", "12")
    page.fill("#card-element input[placeholder=exp_year]", "34")
    page.fill("#card-element input[placeholder=cvc]", "123")
    page.fill("#card-element input[placeholder=postal_code]", "10435")


@pytest.mark.django_db(transaction=True)
def test_german_guest_checkout_with_test_card(page, demo_server, fake_stripe, run_tasks, mailoutbox):
    checkout_to_payment(page, demo_server.url)
    fill_card(page, "4242424242424242")
    page.get_by_role("button", name="bezahlen und bestellen").click()
    page.wait_for_url("**/checkout/thank-you/")
    order = Order.objects.get()
    assert order.status == PAID
    assert order.number in page.content()
    assert "Vielen Dank" in page.content() or "Bestellung" in page.content()
    run_tasks()
    email = next(m for m in mailoutbox if order.number in m.subject)
    assert email.subject.startswith("Ihre Bestellung")
    assert "Vielen Dank für Ihre Bestellung!" in email.body


@pytest.mark.django_db(transaction=True)
def test_declined_card_shows_a_clear_error_and_leaves_no_order(page, demo_server, fake_stripe):
    checkout_to_payment(page, demo_server.url)
    fill_card(page, "4000000000000341")
    page.get_by_role("button", name="bezahlen und bestellen").click()
    expect(page.get_by_text(re.compile("abgelehnt|declined", re.I)).first).to_be_visible()
    assert not Order.objects.exists()
