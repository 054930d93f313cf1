"""Storefront: ShopPage listing, ProductPage, Oscar URL redirects, auto-created pages, JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.models import ProductPage, ShopPage
from tests.shop_models import Partner, Product, ProductClass, StockRecord

pytestmark = pytest.mark.django_db


def shop_url(lang):
    return ShopPage.objects.get(locale__language_code=lang).get_url()


def product_titles(html):
    return re.findall(r'<h2 class="text-lg font-semibold text-stone-900">([^<]+)</h2>', html)


def test_listing_in_german_shows_german_titles_prices_and_stock(client, demo_site):
    response = client.get(shop_url("de"))
    assert response.status_code == 200
    html = response.content.decode()
    titles = product_titles(html)
    assert "Reparatur-Shampoo mit Arganöl" in titles
    assert "Repair shampoo with argan oil" not in titles
    assert "18,90\xa0€" in html  # German number format
    assert "Auf Lager" in html


def test_category_filter_sort_search_and_pagination(client, demo_site):
    url = shop_url("en")
    titles = product_titles(client.get(url, {"category": "styling", "sort": "price"}).content.decode())
    assert titles == ["Volume dry shampoo", "Heat protection spray", "Light hold styling cream"]
    titles = product_titles(client.get(url, {"sort": "-name"}).content.decode())
    assert titles[0] == "Wooden paddle brush"
    assert product_titles(client.get(url, {"q": "ARGAN shampoo"}).content.decode()) == ["Repair shampoo with argan oil"]
    # Search runs on the current language's text, case-insensitive even in Cyrillic.
    ru = product_titles(client.get(shop_url("ru"), {"q": "шампунь"}).content.decode())
    assert set(ru) == {"Восстанавливающий шампунь с аргановым маслом", "Сухой шампунь для объёма"}
    page2 = client.get(url, {"page": 2}).content.decode()
    assert len(product_titles(client.get(url).content.decode())) == 10  # fewer than a page
    assert product_titles(page2) == product_titles(client.get(url).content.decode())  # out of range: last page
    nothing = client.get(url, {"q": "no such thing"}).content.decode()
    assert "No products match your search." in nothing


def test_listing_query_count_does_not_grow_with_products(client, demo_site, django_assert_max_num_queries):
    url = shop_url("en")
    client.get(url)  # warm caches (thumbnails, site root)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    shop = ShopPage.objects.get(locale__language_code="en")
    product_class = ProductClass.objects.first()
    partner = Partner.objects.first()
    for n in range(8):
        product = Product.objects.create(title=f"Extra {n}", upc=f"X-{n}", product_class=product_class)
        StockRecord.objects.create(product=product, partner=partner, partner_sku=f"X-{n}", price=5, num_in_stock=3)
        page = ProductPage.objects.get(product=product, locale=shop.locale)
        page.save_revision().publish()
    client.get(url)
    with CaptureQueriesContext(connection) as eighteen:
        assert client.get(url).status_code == 200
    assert len(eighteen.captured_queries) == len(ten.captured_queries)
    with django_assert_max_num_queries(30):
        client.get(url)


def test_product_page_shows_price_options_and_add_to_basket(client, demo_site):
    page = ProductPage.objects.get(product__upc="AUR-001", locale__language_code="de")
    response = client.get(page.get_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reparatur-Shampoo mit Arganöl" in html
    assert 'name="scent"' in html
    assert "Duft" in html
    response = client.post(
        f"/de/shop/basket/add/{page.product.pk}/",
        {"quantity": 1, "scent": "Argan"},
        HTTP_REFERER=page.get_url(),
    )
    assert response.status_code == 302
    basket = client.get("/de/shop/basket/").content.decode()
    assert "Reparatur-Shampoo mit Arganöl" in basket or "Repair shampoo" in basket


def test_product_page_query_count_is_bounded(client, demo_site, django_assert_max_num_queries):
    page = ProductPage.objects.get(product__upc="AUR-006", locale__language_code="en")
    client.get(page.get_url())
    with django_assert_max_num_queries(40):
        assert client.get(page.get_url()).status_code == 200


def test_product_page_json_ld_has_product_and_offer(client, demo_site):
    page = ProductPage.objects.get(product__upc="AUR-003", locale__language_code="de")
    html = client.get(page.get_url()).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    graph = json.loads(scripts[0])["@graph"]
    product = next(node for node in graph if node["@type"] == "Product")
    assert product["name"] == "Farbschutz-Haarmaske"
    assert product["offers"]["price"] == "24.50"
    assert product["offers"]["priceCurrency"] == "EUR"
    assert product["offers"]["availability"] == "https://schema.org/InStock"
    assert product["offers"]["url"].endswith(page.get_url())


def test_oscar_product_and_catalogue_urls_redirect_to_the_current_language(client, demo_site):
    product = Product.objects.get(upc="AUR-002")
    de_page = ProductPage.objects.get(product=product, locale__language_code="de")
    response = client.get(f"/de/shop/catalogue/{product.slug}_{product.pk}/")
    assert response.status_code == 302
    assert response.url == de_page.get_url()
    response = client.get("/uk/shop/catalogue/")
    assert response.status_code == 302
    assert response.url == shop_url("uk")
    category = product.categories.first()
    response = client.get(f"/de/shop/catalogue/category/{category.slug}_{category.pk}/")
    assert response.url == shop_url("de") + f"?category={category.slug}"


def test_new_oscar_product_gets_a_draft_page_and_shows_in_every_language_once_published(client, demo_site):
    product = Product.objects.create(
        title="Scalp serum", upc="NEW-1", product_class=ProductClass.objects.first(), description="Calms the scalp."
    )
    StockRecord.objects.create(product=product, partner=Partner.objects.first(), partner_sku="NEW-1", price=30)
    page = ProductPage.objects.get(product=product)
    assert not page.live and page.locale.language_code == "en" and page.title == "Scalp serum"
    assert "Scalp serum" not in client.get(shop_url("de")).content.decode()
    page.save_revision().publish()
    # Untranslated: the German shop shows it with the English text, at a German URL.
    assert "Scalp serum" in product_titles(client.get(shop_url("de")).content.decode())
    alias = ProductPage.objects.get(product=product, locale__language_code="de")
    assert alias.get_url().startswith("/de/")
    assert client.get(alias.get_url()).status_code == 200


def test_shop_page_may_not_take_oscars_slug(home_page):
    from django.core.exceptions import ValidationError

    page = ShopPage(title="Shop", slug="shop")
    with pytest.raises(ValidationError):
        home_page.add_child(instance=page)
