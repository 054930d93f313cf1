"""The language switcher keeps the visitor's place: query string and sub-route survive a
change of language wherever they still mean something (rendered pages, followed links)."""

import re
from datetime import UTC, datetime
from html import unescape

import time_machine
from django.core.cache import cache

from booking.models import Service

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday


def switcher_links(response):
    html = response.content.decode()
    nav = re.search(r'<nav[^>]*class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: unescape(href) for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]{2})"', nav)}


def alternates(response):
    return dict(
        (code, unescape(url))
        for code, url in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)"', response.content.decode()
        )
    )


def test_switching_language_keeps_the_booking_step_the_listing_and_the_subroute(client, demo_site):
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        service = Service.objects.filter(locale__language_code="en", active=True).order_by("pk").first()
        german_name = Service.objects.get(translation_key=service.translation_key, locale__language_code="de").name
        query = f"service={service.pk}&staff=any&date=2030-06-03"

        german = client.get(f"/de/studio/buchen/?{query}")
        assert german.status_code == 200 and 'data-step="time"' in german.content.decode()
        assert german_name in german.content.decode()
        links = switcher_links(german)
        assert links["en"] == f"/en/studio/book/?{query}"
        assert links["uk"] == f"/uk/studio/zapys/?{query}"
        # Following the link lands on the same step with the same choices, in English.
        english = client.get(links["en"])
        assert english.status_code == 200
        assert 'data-step="time"' in english.content.decode() and service.name in english.content.decode()
        # hreflang names the pages themselves, without the visitor's choices.
        assert alternates(german)["en"] == "http://testserver/en/studio/book/"

        listing = client.get("/de/produkte/?sort=price&page=2")
        assert listing.status_code == 200
        links = switcher_links(listing)
        assert links["en"] == "/en/products/?sort=price&page=2"
        assert links["ru"] == "/ru/tovary/?sort=price&page=2"
        assert client.get(links["ru"]).status_code == 200

        # Views outside the page tree keep their query as well.
        shop_search = client.get("/de/search/?q=haar")
        assert switcher_links(shop_search)["en"] == "/en/search/?q=haar"
