"""Banner targets on rendered pages: whole site, a subtree (in any language), the shop, booking."""

import re
from datetime import timedelta

from django.core.cache import cache
from django.core.checks import run_checks
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale

from booking.models import Appointment, BookingPage, Service, Staff
from core.banners import BannerArea
from core.hooks import REGISTER_BANNER_AREAS
from core.models import Banner
from pages.models import StandardPage
from shop.models import ProductPage, ShopPage


def make_banner(text, **fields):
    banner = Banner(title=text, message=f"<p>{text}</p>", locale=Locale.objects.get(language_code="en"), **fields)
    banner.save()
    banner.save_revision().publish()
    return banner


BANNERS = {"site": "Site-wide news", "subtree": "About-section news", "shop": "Shop news", "booking": "Booking news"}


def shown(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    return {target for target, text in BANNERS.items() if text in html}


def test_each_target_shows_exactly_where_pages_and_views_declare_it(client, demo_site, frozen_clock):
    # At the run's frozen instant (frozen_clock, tests/conftest.py), the one the demo was built
    # around: the banners are live and the appointment below is a month ahead of it.
    Banner.objects.all().delete()  # the demo's own announcements
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    make_banner(BANNERS["site"], target="site")
    make_banner(BANNERS["subtree"], target="subtree", target_page=about)
    make_banner(BANNERS["shop"], target="shop")
    make_banner(BANNERS["booking"], target="booking")

    shop = ShopPage.objects.get(locale__language_code="de")
    product = ProductPage.objects.get(product__upc="AUR-001", locale__language_code="de")
    booking = BookingPage.objects.get(locale__language_code="de")
    german_about = about.get_translation(Locale.objects.get(language_code="de"))
    service = Service.objects.filter(active=True, locale__language_code="en").first()
    staff = Staff.objects.filter(services=service, locale__language_code="en").first()
    start = timezone.now() + timedelta(days=30)
    appointment = Appointment.objects.create(
        service=service,
        staff=staff,
        venue=booking.get_venue(),
        start=start,
        end=start + timedelta(hours=1),
        blocked_start=start,
        blocked_end=start + timedelta(hours=1),
        time_zone="Europe/Berlin",
        client_name="Eva",
        client_email="eva@example.com",
        booking_page=booking,
    )

    assert shown(client, "/de/") == {"site"}
    assert shown(client, german_about.url) == {"site", "subtree"}  # the English subtree, in German
    assert shown(client, "/de/leistungen/") == {"site"}
    assert shown(client, shop.url) == {"site", "shop"}
    assert shown(client, shop.url + "?sort=price") == {"site", "shop"}
    assert shown(client, product.url) == {"site", "shop"}
    client.post(f"/de/shop/basket/add/{product.product.pk}/", {"quantity": 1, "scent": "Argan"})
    assert shown(client, "/de/shop/basket/") == {"site", "shop"}
    assert shown(client, "/de/shop/accounts/login/") == {"site", "shop"}
    assert shown(client, booking.url) == {"site", "booking"}
    assert shown(client, booking.url + f"?service={service.pk}") == {"site", "booking"}
    assert shown(client, booking.url + f"manage/{appointment.manage_token}/") == {"site", "booking"}


def test_a_banner_links_to_the_visitors_language_version_of_its_chosen_page(client, demo_site):
    """An editor chooses the page a banner links to; German visitors of the (untranslated)
    English banner get the German page, and an unpublished page is not linked."""
    Banner.objects.all().delete()
    services = StandardPage.objects.get(slug="services", locale__language_code="en")
    german = services.get_translation(Locale.objects.get(language_code="de"))
    make_banner("Spring offers", link_page=services, link_label="See the offers")

    def banner_link(url):
        cache.clear()
        html = client.get(url).content.decode()
        assert "Spring offers" in html, url
        found = re.search(r'<a [^>]*href="([^"]*)"[^>]*>See the offers', html)
        return found and found.group(1)

    assert banner_link("/en/") == services.url
    assert banner_link("/de/") == german.url
    german.unpublish()
    assert banner_link("/de/") == services.url
    services.unpublish()
    assert banner_link("/de/") is None


def test_editors_choose_among_the_areas_the_apps_declare(client, home_page, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/snippets/core/banner/add/").content.decode()
    targets = re.findall(r'<option value="([^"]*)"', html.split('name="target"', 1)[1].split("</select>", 1)[0])
    # core's own two, then the shop's and booking's (register_banner_areas in their wagtail_hooks.py)
    assert targets == ["site", "subtree", "shop", "booking"]


def test_manage_py_check_reports_a_declared_area_whose_name_is_taken_or_too_long():
    """A new app's banner area is stored in Banner.target (10 characters): `check` says so before a
    banner for it fails to save."""
    assert [m.id for m in run_checks() if m.id == "core.E001"] == []

    def areas():
        return [BannerArea("collections", "Collections"), BannerArea("shop", "Another shop")]

    with hooks.register_temporarily(REGISTER_BANNER_AREAS, areas):
        errors = [m for m in run_checks() if m.id == "core.E001"]
    assert ["'collections'" in str(e.msg) for e in errors] == [True, False]
    assert "'shop'" in str(errors[1].msg)
