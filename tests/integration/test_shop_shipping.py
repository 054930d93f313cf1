# ruff: noqa: F811  (pytest fixtures imported from tests/shop_checkout_helpers.py)
"""Shipping choice at checkout: salon pickup (free) or standard delivery (charged)."""

from decimal import Decimal

import pytest

from tests.shop_checkout_helpers import ADDRESS, fake_stripe, fake_stripe_server, pay, prepare_checkout  # noqa: F401
from tests.shop_models import Order, Product

pytestmark = pytest.mark.django_db

VISA = "4242424242424242"


@pytest.fixture
def shampoo(demo_site):
    return Product.objects.get(upc="AUR-001")  # 18.90


def to_shipping_step(client, product, lang="de"):
    client.post(f"/{lang}/shop/basket/add/{product.pk}/", {"quantity": 1, "scent": "Argan"})
    response = client.post(f"/{lang}/shop/checkout/", {"username": "erika@example.com", "options": "anonymous"})
    # The method comes first (shop/checkout_flow.py): pickup needs no address.
    assert response.url.endswith("/checkout/shipping-method/")
    return client.get(response.url)


@pytest.mark.parametrize(
    "lang, pickup, delivery, price",
    [
        ("de", "Abholung im Salon", "Standardversand", "4,90"),
        ("ru", "Самовывоз из салона", "Стандартная доставка", "4,90"),
        ("en", "Pickup in the salon", "Standard delivery", "4.90"),
    ],
)
def test_checkout_offers_both_methods_translated_with_prices(client, shampoo, lang, pickup, delivery, price):
    response = to_shipping_step(client, shampoo, lang)
    assert response.status_code == 200
    html = response.content.decode()
    assert pickup in html and delivery in html
    assert price in html
    assert 'value="salon-pickup"' in html and 'value="standard-delivery"' in html


def test_standard_delivery_is_charged_in_the_order_and_the_stripe_amount(
    client, fake_stripe, shampoo, run_tasks, mailoutbox
):
    page = prepare_checkout(client, shampoo, options={"scent": "Argan"}, shipping="standard-delivery")
    assert page.status_code == 200
    assert "23,80" in page.content.decode()  # the pay button shows the total with delivery
    response = pay(client, payment_method_id=fake_stripe.payment_method(VISA))
    assert response.status_code == 302, response.context.get("error")
    order = Order.objects.get()
    assert order.shipping_code == "standard-delivery"
    assert order.shipping_method == "Standardversand"
    assert order.shipping_incl_tax == Decimal("4.90")
    assert order.total_incl_tax == Decimal("23.80")
    source = order.sources.get()
    assert source.amount_debited == Decimal("23.80")
    intent = fake_stripe.intent(source.reference)
    assert intent.amount == 2380
    assert intent.status == "succeeded"
    run_tasks()
    email = next(m for m in mailoutbox if order.number in m.subject)
    assert "Versand: 4,90" in email.body
    assert "23,80" in email.body


def test_salon_pickup_costs_nothing(client, fake_stripe, shampoo):
    prepare_checkout(client, shampoo, options={"scent": "Argan"}, shipping="salon-pickup")
    response = pay(client, payment_method_id=fake_stripe.payment_method(VISA))
    assert response.status_code == 302, response.context.get("error")
    order = Order.objects.get()
    assert order.shipping_code == "salon-pickup"
    assert order.shipping_incl_tax == 0
    assert order.total_incl_tax == Decimal("18.90")
    assert fake_stripe.intent(order.sources.get().reference).amount == 1890


def test_an_unknown_method_is_refused_with_a_message(client, shampoo):
    to_shipping_step(client, shampoo)
    response = client.post("/de/shop/checkout/shipping-method/", {"method_code": "teleport"})
    assert response.status_code == 200  # the choice again, with a message (a toast)
    assert "Die von Ihnen ausgewählte Lieferart ist nicht erlaubt" in [str(m) for m in response.context["messages"]]
    assert "Abholung im Salon" in response.content.decode()
    # Nothing was chosen: the payment step sends the customer back to choose.
    response = client.get("/de/shop/checkout/payment-details/")
    assert response.status_code == 302 and response.url.endswith("/checkout/shipping-method/")
