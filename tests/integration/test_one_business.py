"""The demo is one business: every page, email and JSON-LD node shows the venue's address and
phone; the team page lists the wizard's staff; the services page shows the wizard's prices;
no banner contradicts the opening hours; the visitor panel has data on first login."""

import json
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from booking.models import Appointment, BookingPage, VenuePage
from booking.notifications import email_context
from core.models import Banner
from ops.models import PageView

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200, response
    return unescape(response.content.decode())


def jsonld_business(html):
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    graph = json.loads(raw)["@graph"]
    return next(node for node in graph if node.get("@id", "").endswith("#business"))


@pytest.fixture
def venue_de(demo_site):
    venue = VenuePage.objects.get(locale=Locale.get_default(), slug="studio")
    return venue, venue.get_translation(Locale.objects.get(language_code="de"))


def test_every_place_shows_the_venues_address_and_phone(client, venue_de):
    venue, venue_de = venue_de
    street, city = venue_de.address.splitlines()[:2]
    phone = venue.phone
    pages = {
        "contact": text_of(client.get("/de/kontakt/")),
        "home (footer)": text_of(client.get("/de/")),
        "imprint": text_of(client.get("/de/impressum/")),
        "venue": text_of(client.get(venue_de.url)),
    }
    for name, html in pages.items():
        assert street in html and city in html, f"{name}: not the venue's address"
        assert "Kastanienallee" not in html, f"{name}: a second address"
    for name in ("contact", "home (footer)"):
        assert phone in pages[name], f"{name}: not the venue's phone"
    for name in ("contact", "home (footer)", "venue"):
        business = jsonld_business(pages[name])
        assert business["telephone"] == phone, name
        assert street in business["address"]["streetAddress"], name

    appointment = Appointment.objects.filter(venue=venue, language="de").first() or Appointment.objects.first()
    appointment.language = "de"
    context = email_context(appointment)
    assert street in context["address"] and context["phone"] == phone

    # Opening hours live on the venue only: no banner promises other times.
    times = {f"{row.opens:%H:%M}" for row in venue.opening_hours.all()}
    times |= {f"{row.closes:%H:%M}" for row in venue.opening_hours.all()}
    for banner in Banner.objects.all():
        for mentioned in re.findall(r"\b\d{1,2}:\d{2}\b", banner.message):
            assert mentioned.zfill(5) in times, f"banner {banner.title!r} mentions {mentioned}"


def test_team_page_lists_the_wizards_staff_and_services_page_its_prices(client, venue_de):
    from pages.demo import DEMO_ADMIN_EMAIL

    booking = BookingPage.objects.live().get(locale__language_code="de")
    wizard = text_of(client.get(booking.url))
    service_pattern = (
        r'<span class="block font-semibold">([^<]+)</span>\s*'
        r'<span class="block text-sm text-stone-600">[^<]*· ([^<]+)</span>'
    )
    offered = dict(re.findall(service_pattern, wizard))
    assert len(offered) >= 3, "the wizard lists no services"
    listed = dict(
        zip(
            re.findall(r'class="service-name[^"]*">([^<]+)<', text_of(client.get("/de/leistungen/"))),
            re.findall(r'class="service-price[^"]*">([^<]+)<', text_of(client.get("/de/leistungen/"))),
            strict=True,
        )
    )
    assert listed == offered  # same services, same prices, same formatting

    wizard_staff = set()
    for url in re.findall(r'href="([^"]*\?service=\d+)"', wizard):
        staff_step = text_of(client.get(unescape(url)))
        wizard_staff |= set(re.findall(r'<span class="block font-semibold">([^<]+)</span>', staff_step))
    team = set(re.findall(r'class="staff-name[^"]*">([^<]+)<', text_of(client.get("/de/team/"))))
    assert team and team == wizard_staff

    # The demo recorded page views: the dashboard's visitor panel is not empty on first login.
    assert PageView.objects.count() > 20
    client.force_login(get_user_model().objects.get(email=DEMO_ADMIN_EMAIL))
    dashboard = text_of(client.get("/admin/"))
    assert "/de/produkte/" in dashboard  # a top page of the demo views
