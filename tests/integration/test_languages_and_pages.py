import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

LANGS = ["en", "de", "ru", "uk"]


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher_links(response):
    html = response.content.decode()
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return dict(re.findall(r'href="([^"]+)" hreflang="([a-z]+)"', nav))


@pytest.mark.django_db
def test_every_content_locale_exists(home_page):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGS)


@pytest.mark.parametrize(("accept", "expected"), [("de-DE,de;q=0.9", "/de/"), ("uk", "/uk/"), ("fr", "/en/")])
def test_root_redirects_to_the_visitors_language(client, home_page, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_demo_home_page_is_served_in_each_language_with_matching_html_lang(client, demo_site):
    titles = {
        "en": "Studio Aurora — hair, colour and care in Berlin",
        "de": "Studio Aurora — Haare, Farbe und Pflege in Berlin",
        "ru": "Studio Aurora — стрижки, окрашивание и уход в Берлине",
        "uk": "Studio Aurora — стрижки, фарбування та догляд у Берліні",
    }
    for code, title in titles.items():
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert html_lang(response) == code
        assert title in response.content.decode()


def test_german_home_shows_german_body_and_seo_title(client, demo_site):
    html = client.get("/de/").content.decode()
    assert "Was wir machen" in html
    assert "Der beste Haarschnitt seit Jahren" in html
    assert "<title>Studio Aurora — Friseursalon in Berlin" in html
    assert "What we do" not in html


def test_language_switcher_points_at_the_translations_of_the_current_page(client, demo_site):
    links = switcher_links(client.get("/de/"))
    assert links == {"/en/": "en", "/ru/": "ru", "/uk/": "uk"}
    for url in links:
        assert client.get(url).status_code == 200


def test_language_switcher_falls_back_to_the_locale_home_for_untranslated_pages(client, demo_site):
    from pages.models import HomePage

    # A second tree root that exists only in English (e.g. a page nobody has translated yet).
    root = Page.get_first_root_node()
    orphan = root.add_child(instance=HomePage(title="Only English", slug="only-english"))
    from wagtail.models import Site

    Site.objects.create(hostname="english.test", root_page=orphan)
    response = client.get("/en/", HTTP_HOST="english.test")
    assert response.status_code == 200
    links = switcher_links(response)
    # No translation and no translated home for that site: the prefix of that language still works.
    assert set(links.values()) == {"de", "ru", "uk"}


def test_oscar_basket_works_in_all_four_languages_inside_the_site_layout(client, home_page):
    empty_basket = {
        "en": "Your cart is empty",
        "de": "Ihr Warenkorb ist leer",
        "ru": "Ваша корзина пуста",  # from Oscar's ru_RU catalogue copied under locale/oscar/ru
        "uk": "Ваш кошик порожній",
    }
    for code, text in empty_basket.items():
        response = client.get(f"/{code}/shop/basket/")
        assert response.status_code == 200, code
        html = response.content.decode()
        assert html_lang(response) == code
        assert text in html, code
        assert 'class="site-header' in html and 'class="site-footer' in html
        # The switcher keeps the visitor on the basket.
        assert set(switcher_links(response)) == {f"/{other}/shop/basket/" for other in LANGS if other != code}


def test_admin_sites_and_webhook_are_outside_the_language_prefix(client, home_page):
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/django-admin/")["Location"].startswith("/django-admin/login/")
    # Unsigned webhook: refused with a reason, never redirected to a language prefix.
    response = client.post("/stripe/webhook/", data="{}", content_type="application/json")
    assert response.status_code == 400


def test_settings_languages():
    assert [code for code, _ in settings.LANGUAGES] == LANGS
    assert settings.LANGUAGE_CODE == "en"
