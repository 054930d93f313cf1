"""Displayed prices: one helper (core.money, shop.prices), the site's currency setting and the
visitor's language — 45,00 € in German, €45.00 in English — in the shop and the booking pages alike."""

import json
import re
from decimal import Decimal
from html import unescape
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.models import Locale

from booking.models import BookingPage, VenuePage
from core.money import money
from shop.models import ProductPage
from shop.prices import displayed_price
from tests.booking_fixtures import make_service

pytestmark = pytest.mark.django_db

GERMAN = re.compile(r"^\d+,\d{2}\xa0€$")
ENGLISH = re.compile(r"^€\d+\.\d{2}$")


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def listed_prices(html):
    return re.findall(r'class="service-price[^"]*">([^<]+)<', html)


def wizard_prices(html):
    return re.findall(r'<span class="block text-sm text-stone-600">[^<]*· ([^<]+)</span>', html)


def offers(html):
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return [node["offers"] for node in json.loads(raw)["@graph"] if "offers" in node]


def test_money_is_formatted_for_the_active_language():
    amount = money(Decimal("12.5"))
    assert amount.currency == "EUR" and amount.schema_price == "12.50"
    with translation.override("de"):
        assert str(amount) == "12,50\xa0€"
    with translation.override("en"):
        assert str(amount) == "€12.50"
    assert money(None) is None


def test_a_product_shows_its_gross_price_else_its_net_one():
    def info(exists, tax_known):
        price = SimpleNamespace(
            exists=exists, is_tax_known=tax_known, incl_tax=Decimal("11.90"), excl_tax=Decimal("10.00"), currency="EUR"
        )
        return SimpleNamespace(price=price)

    assert displayed_price(info(True, True)).amount == Decimal("11.90")
    assert displayed_price(info(True, False)).amount == Decimal("10.00")
    assert displayed_price(info(False, False)) is None


def test_booking_prices_follow_the_language(client, demo_site):
    for lang, services_url, pattern in (("de", "/de/leistungen/", GERMAN), ("en", "/en/services/", ENGLISH)):
        listed = listed_prices(html_of(client, services_url))
        wizard = wizard_prices(html_of(client, BookingPage.objects.live().get(locale__language_code=lang).url))
        assert listed and wizard, lang
        assert all(pattern.match(price) for price in listed + wizard), (lang, listed, wizard)


def test_booking_prices_follow_the_currency_setting(client, demo_site, settings):
    settings.OSCAR_DEFAULT_CURRENCY = "CHF"
    listed = listed_prices(html_of(client, "/en/services/"))
    booking = BookingPage.objects.live().get(locale__language_code="de")
    wizard = wizard_prices(html_of(client, booking.url))
    assert listed and all(price.startswith("CHF") for price in listed), listed
    assert wizard and all(price.endswith("CHF") for price in wizard), wizard  # 45,00 CHF in German
    assert "€" not in "".join(listed + wizard)
    venue = VenuePage.objects.get(locale=Locale.get_default(), slug="studio")
    service_offers = offers(html_of(client, venue.url))
    assert service_offers and {offer["priceCurrency"] for offer in service_offers} == {"CHF"}
    assert all(re.match(r"^\d+\.\d{2}$", offer["price"]) for offer in service_offers)  # schema.org: a plain number


def test_product_prices_in_page_listing_and_jsonld_agree(client, demo_site):
    page = ProductPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True).first()
    html = html_of(client, page.url)
    shown = re.search(r'<p class="[^"]*price">\s*([^<]+?)\s*</p>', html).group(1)
    assert ENGLISH.match(shown), shown
    (offer,) = offers(html)
    assert offer["priceCurrency"] == "EUR"
    assert shown == f"€{offer['price']}"
    listing = html_of(client, page.get_parent().url)
    assert f'<span class="price font-semibold">{shown}</span>' in listing


def test_the_admin_lists_service_prices_with_the_currency(client, admin_user, home_page):
    make_service("Haircut", 60)  # 40.00
    client.force_login(admin_user)
    html = html_of(client, "/admin/snippets/booking/service/")
    assert "€40.00" in html
