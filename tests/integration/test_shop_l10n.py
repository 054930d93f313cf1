"""The shop in the customer's language and in the site's layout: product page, add-to-basket
message, basket, checkout steps, confirmation and order email in German, Russian and Ukrainian;
pickup without an address; a fully discounted order without a card."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils.html import escape

from shop.models import ProductPage
from shop.order_status import PAID
from tests.shop_checkout_helpers import ADDRESS
from tests.shop_models import Benefit, Condition, ConditionalOffer, Order, Product, Range, Voucher

pytestmark = pytest.mark.django_db

# What each language shows for the demo shampoo with the "Argan" scent, delivered to Germany.
EXPECTED = {
    "de": {
        "title": "Reparatur-Shampoo mit Arganöl",
        "option": "Duft: Argan",
        "update": "Aktualisieren",
        "country": "Deutschland",
        "pickup": "Abholung im Salon",
        "added": "wurden in den Warenkorb gelegt",
        "email": "Vielen Dank für Ihre Bestellung",
    },
    "ru": {
        "title": "Восстанавливающий шампунь с аргановым маслом",
        "option": "Аромат: Арган",
        "update": "Обновить",
        "country": "Германия",
        "pickup": "Самовывоз из салона",
        "added": "добавлено в корзину",
        "email": "Спасибо за заказ",
    },
    "uk": {
        "title": "Відновлювальний шампунь з аргановою олією",
        "option": "Аромат: Арган",
        "update": "Оновити",
        "country": "Німеччина",
        "pickup": "Самовивіз із салону",
        "added": "додано до кошика",
        "email": "Дякуємо",
    },
}
ENGLISH = ("Repair shampoo with argan oil", "Scent = ", "Germany", ">Update<", "total is now", "View basket")


@pytest.fixture
def shampoo(demo_site):
    return Product.objects.get(upc="AUR-001")


def html_of(response):
    assert response.status_code == 200, response
    return response.content.decode()


def assert_site_layout(html):
    """The site's header (with the language switcher) and footer, Tailwind, no Bootstrap."""
    assert 'class="language-switcher' in html
    assert "site-footer" in html
    assert "/static/css/site" in html
    assert "bootstrap" not in html and "btn-primary" not in html


def assert_no_english(html):
    for text in ENGLISH:
        assert text not in html, f"English {text!r} on a translated shop page"


def test_delivery_checkout_in_german_russian_and_ukrainian(client, shampoo, settings, run_tasks, mailoutbox):
    settings.DEBUG = True  # no Stripe keys in tests: the development-only test payment places the order
    for lang, want in EXPECTED.items():
        client.cookies.clear()
        page = ProductPage.objects.live().get(product=shampoo, locale__language_code=lang)
        html = html_of(client.get(page.url))
        assert 'name="quantity"' in html and 'type="number"' in html  # a visible quantity field
        main = html[html.index("<main") : html.index("</main>")]
        assert main.count(escape(page.summary)) == 1  # the description is printed once
        assert '<option value="Argan">Argan</option>' in html or f">{want['option'].split(': ')[1]}<" in html

        response = client.post(f"/{lang}/shop/basket/add/{shampoo.pk}/", {"quantity": 2, "scent": "Argan"}, follow=True)
        toasts = " ".join(str(m) for m in response.context["messages"])
        assert want["title"] in toasts and want["added"] in toasts, toasts
        assert "37,80" in toasts or "37.80" in toasts, toasts  # the new basket total, in the visitor's language
        assert_no_english(toasts)

        basket = html_of(client.get(f"/{lang}/shop/basket/"))
        assert_site_layout(basket)
        assert want["title"] in basket and want["option"] in basket and want["update"] in basket
        assert_no_english(basket)

        response = client.post(f"/{lang}/shop/checkout/", {"username": f"{lang}@example.com", "options": "anonymous"})
        assert response.url == f"/{lang}/shop/checkout/shipping-method/"  # the method comes before any address
        methods = html_of(client.get(response.url))
        assert_site_layout(methods)
        assert want["pickup"] in methods

        response = client.post(response.url, {"method_code": "standard-delivery"})
        assert response.url == f"/{lang}/shop/checkout/shipping-address/"
        address_form = html_of(client.get(response.url))
        assert_site_layout(address_form)
        assert re.search(rf'<option value="DE"[^>]*>{want["country"]}</option>', address_form), "country not localised"

        response = client.post(f"/{lang}/shop/checkout/shipping-address/", ADDRESS)
        assert response.url == f"/{lang}/shop/checkout/payment-method/"
        payment = html_of(client.get(f"/{lang}/shop/checkout/payment-details/", follow=True))
        assert_site_layout(payment)
        assert want["title"] in payment and want["option"] in payment and want["country"] in payment
        assert_no_english(payment)

        response = client.post(f"/{lang}/shop/checkout/preview/", {"action": "place_order", "test_payment": "1"})
        assert response.status_code == 302 and response.url.endswith("/checkout/thank-you/"), response
        thanks = html_of(client.get(response.url))
        assert_site_layout(thanks)
        assert want["title"] in thanks and want["option"] in thanks and want["country"] in thanks
        assert "data-print" in thanks and "onclick" not in thanks  # printing works under the CSP
        assert_no_english(thanks)

    run_tasks()
    for lang, want in EXPECTED.items():
        order = Order.objects.get(guest_email=f"{lang}@example.com")
        email = next(m for m in mailoutbox if order.number in m.subject)
        for body in (email.body, email.alternatives[0][0]):
            assert want["email"] in body
            assert f"2 × {want['title']}" in body or want["title"] in body
            assert want["option"] in body and want["country"] in body
            assert_no_english(body)


def full_discount_voucher(code):
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    condition = Condition.objects.create(range=everything, type=Condition.COUNT, value=1)
    benefit = Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=100)
    offer = ConditionalOffer.objects.create(
        name="Gift", offer_type=ConditionalOffer.VOUCHER, condition=condition, benefit=benefit
    )
    voucher = Voucher.objects.create(
        name="Gift",
        code=code,
        usage=Voucher.MULTI_USE,
        start_datetime=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        end_datetime=dt.datetime(2100, 1, 1, tzinfo=dt.UTC),
    )
    voucher.offers.add(offer)
    return voucher


def test_pickup_with_a_full_voucher_needs_no_address_and_no_card(client, shampoo, run_tasks, mailoutbox):
    full_discount_voucher("GIFT100")
    client.post(f"/uk/shop/basket/add/{shampoo.pk}/", {"quantity": 1, "scent": "Argan"})
    response = client.post("/uk/shop/basket/vouchers/add/", {"code": "GIFT100"}, follow=True)
    basket = html_of(response)
    assert "GIFT100" in basket and "0,00" in basket

    client.post("/uk/shop/checkout/", {"username": "olena@example.com", "options": "anonymous"})
    response = client.post("/uk/shop/checkout/shipping-method/", {"method_code": "salon-pickup"})
    assert response.url == "/uk/shop/checkout/payment-method/"  # no address step for pickup
    # Even typed in, the address step sends a pickup customer on to payment.
    assert client.get("/uk/shop/checkout/shipping-address/").url == "/uk/shop/checkout/payment-method/"

    payment = html_of(client.get("/uk/shop/checkout/payment-details/", follow=True))
    assert 'id="nothing-to-pay"' in payment
    assert 'id="card-element"' not in payment and "js.stripe.com" not in payment
    assert "Адреса доставки" not in payment  # no shipping address anywhere
    assert "Самовивіз із салону" in payment

    response = client.post("/uk/shop/checkout/preview/", {"action": "place_order"})
    assert response.status_code == 302 and response.url.endswith("/checkout/thank-you/"), response
    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("0.00")
    assert order.shipping_address is None
    assert order.status == PAID
    assert not order.sources.exists()  # no card was charged
    thanks = html_of(client.get(response.url))
    assert "Ви забираєте замовлення в салоні" in thanks

    run_tasks()
    email = next(m for m in mailoutbox if order.number in m.subject)
    assert "Ви забираєте замовлення в салоні в години роботи." in email.body
    assert "Самовивіз із салону: 0,00" in email.body
    assert "доставк" not in email.body.lower().replace("самовивіз", "")  # no delivery wording


def _toasts(response):
    """The messages the page shows (its toasts' JSON)."""
    import json

    found = re.search(r'toasts" type="application/json">(.*?)</script>', response.content.decode(), re.S)
    return [toast["message"] for toast in json.loads(found.group(1))] if found else []


@pytest.mark.parametrize(
    "language, too_long, empty",
    [
        ("en", "This voucher code is too long: a voucher code has at most 128 characters.", "Please enter a"),
        ("de", "Dieser Gutscheincode ist zu lang: Ein Gutscheincode hat höchstens 128 Zeichen.", "Bitte geben Sie"),
        ("ru", "Этот код ваучера слишком длинный: код ваучера содержит не более 128 символов.", "Введите код"),
        ("uk", "Цей код ваучера задовгий: код ваучера містить не більше ніж 128 символів.", "Введіть код"),
    ],
)
def test_a_refused_voucher_code_says_why_in_the_page_language(client, demo_site, language, too_long, empty):
    """A 200-character code was answered "Please enter a voucher code", as if none had been entered."""
    response = client.post(f"/{language}/shop/basket/vouchers/add/", {"code": "X" * 200}, follow=True)
    assert response.status_code == 200
    assert _toasts(response) == [too_long]
    response = client.post(f"/{language}/shop/basket/vouchers/add/", {"code": ""}, follow=True)
    assert [message[: len(empty)] for message in _toasts(response)] == [empty]
