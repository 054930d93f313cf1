"""Editors' and translators' site: page types, menus, SEO, banners, contact form, maintenance."""

import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page

from core.models import Banner, SiteSettings
from pages.demo import demo_languages
from pages.models import ContactPage, Menu, MenuItem, StandardPage


def jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "exactly one JSON-LD graph per page"
    return json.loads(blocks[0])


def nodes_by_type(graph):
    return {node["@type"]: node for node in graph["@graph"]}


# --- pages, menus, languages ------------------------------------------------


def test_demo_pages_exist_in_four_languages_with_translated_menus(client, demo_site):
    expectations = {
        "/en/about/": ("About us", "Services"),
        "/de/ueber-uns/": ("Über uns", "Leistungen"),
        "/ru/o-nas/": ("О нас", "Услуги"),
        "/uk/pro-nas/": ("Про нас", "Послуги"),
    }
    for url, (title, menu_label) in expectations.items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<h1" in html and title in html
        header = html[html.index('class="main-nav') : html.index("</nav>", html.index('class="main-nav'))]
        assert menu_label in header


def test_legal_contact_and_services_pages_render(client, demo_site):
    for url in ["/de/impressum/", "/de/datenschutz/", "/de/kontakt/", "/de/leistungen/", "/de/team/"]:
        assert client.get(url).status_code == 200, url
    html = client.get("/de/leistungen/").content.decode()
    assert "Wie sage ich einen Termin ab?" in html  # FAQ accordion, translated
    assert "Haarschnitt" in html and "Färben" in html  # the booking services, translated


def test_language_switcher_on_a_sub_page_lands_on_its_translation(client, demo_site):
    html = client.get("/de/ueber-uns/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'href="/uk/pro-nas/"' in switcher and 'href="/en/about/"' in switcher


def test_hreflang_alternates_and_x_default_on_every_page(client, demo_site):
    html = client.get("/ru/o-nas/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/en/about/",
        "de": "http://testserver/de/ueber-uns/",
        "ru": "http://testserver/ru/o-nas/",
        "uk": "http://testserver/uk/pro-nas/",
        "x-default": "http://testserver/en/about/",
    }


def test_a_page_without_translation_is_not_served_in_other_languages(client, demo_site):
    english_only = demo_site.add_child(instance=StandardPage(title="Only in English", slug="english-only"))
    english_only.save_revision().publish()
    assert client.get("/en/english-only/").status_code == 200
    for prefix in demo_languages():
        assert client.get(f"/{prefix}/english-only/").status_code == 404
    html = client.get("/en/english-only/").content.decode()
    alternates = re.findall(r'hreflang="([^"]+)"', html[: html.index("</head>")])
    assert sorted(alternates) == ["en", "x-default"]  # no duplicate-content alternates


def test_editors_cannot_build_nonsense_trees(home_page):
    assert not StandardPage.can_create_at(Page.get_first_root_node())
    assert ContactPage.can_create_at(home_page)
    from pages.models import HomePage, LegalPage

    assert not HomePage.can_create_at(home_page)
    legal = home_page.add_child(instance=LegalPage(title="Imprint", slug="imprint", body="<p>x</p>"))
    assert not StandardPage.can_create_at(legal)


# --- SEO ----------------------------------------------------------------------


def test_one_json_ld_graph_with_breadcrumbs_below_home(client, demo_site):
    graph = jsonld(client.get("/de/leistungen/").content.decode())
    nodes = nodes_by_type(graph)
    assert {"WebSite", "Organization", "WebPage", "BreadcrumbList"} <= set(nodes)
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2]
    assert crumbs[-1]["name"] == "Leistungen und Preise"
    assert crumbs[-1]["item"] == "http://testserver/de/leistungen/"
    assert nodes["WebPage"]["inLanguage"] == "de"
    assert nodes["WebPage"]["breadcrumb"] == {"@id": crumbs and nodes["BreadcrumbList"]["@id"]}
    home_graph = nodes_by_type(jsonld(client.get("/de/").content.decode()))
    assert "BreadcrumbList" not in home_graph


def test_meta_title_description_canonical_and_open_graph(client, demo_site):
    html = client.get("/de/").content.decode()
    assert "<title>Studio Aurora — Friseursalon in Berlin</title>" in html
    assert '<meta name="description" content="Haarschnitte, Farbe' in html
    assert re.search(r'<link rel="canonical" href="[^"]+/de/">', html)
    assert 'property="og:title"' in html and 'name="twitter:card"' in html


def test_pages_without_an_image_get_a_generated_og_image(client, demo_site, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    html = client.get("/uk/pro-nas/").content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    path = re.sub(r"^https?://[^/]+", "", og_image)
    assert re.fullmatch(r"/og/\d+-[0-9a-f]{16}\.png", path)
    first = client.get(path)
    assert first.status_code == 200 and first["Content-Type"] == "image/png"
    assert first.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list((tmp_path / "og").iterdir())) == 1  # cached in storage
    assert client.get(path).content == first.content
    assert client.get(re.sub(r"-[0-9a-f]{16}", "-0000000000000000", path)).status_code == 404


def test_sitemap_lists_every_live_page_with_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(response.content)
    locations = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    for url in ["/en/about/", "/de/ueber-uns/", "/ru/o-nas/", "/uk/pro-nas/", "/de/impressum/"]:
        assert f"http://testserver{url}" in locations
    about = locations["http://testserver/de/ueber-uns/"]
    links = {link.get("hreflang"): link.get("href") for link in about.findall("x:link", ns)}
    assert links["uk"] == "http://testserver/uk/pro-nas/" and links["x-default"] == "http://testserver/en/about/"
    live_count = Page.objects.live().filter(depth__gte=2).count()
    assert len(locations) == live_count


def test_robots_txt_comes_from_site_settings_and_points_at_the_sitemap(client, home_page):
    settings_obj = SiteSettings.for_site(home_page.get_site())
    settings_obj.robots_txt = "User-agent: *\nDisallow: /private/"
    settings_obj.save()
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /private/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_a_new_site_keeps_admin_search_and_what_apps_declare_out_of_robots_txt(client, home_page):
    body = client.get("/robots.txt").content.decode()
    for rule in (
        "/admin/",
        "/django-admin/",
        "/*/search/",
        "/*/shop/basket/",
        "/*/shop/checkout/",
        "/*/shop/accounts/",
    ):
        assert f"Disallow: {rule}\n" in body, rule  # the last three from the shop's register_robots_txt_rules


def test_site_search_finds_pages_of_the_current_language_only(client, demo_site):
    html = client.get("/de/search/", {"q": "Balayage"}).content.decode()
    assert "/de/leistungen/" in html
    assert "/en/services/" not in html
    html = client.get("/de/search/", {"q": "zzzznotthere"}).content.decode()
    assert "Nichts gefunden" in html


def test_404_is_localized(client, demo_site):
    response = client.get("/ru/net-takoy-stranicy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_500_template_renders_without_a_request():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("uk"):
        html = render_to_string("500.html")
    assert "Щось пішло не так" in html and 'lang="uk"' in html


# --- banners --------------------------------------------------------------------


def make_banner(text, language="en", **fields):
    locale = Locale.objects.get(language_code=language)
    banner = Banner(title=text[:40], message=f"<p>{text}</p>", locale=locale, **fields)
    banner.save()
    banner.save_revision().publish()
    return banner


def test_active_banner_is_shown_on_wagtail_and_oscar_pages_with_locale_fallback(client, home_page):
    make_banner("Closed on Monday")
    for url in ["/en/", "/de/", "/de/shop/basket/"]:
        assert "Closed on Monday" in client.get(url).content.decode(), url


def test_scheduled_and_draft_banners_are_hidden(client, home_page):
    make_banner("Later", starts_at=timezone.now() + timedelta(days=1))
    make_banner("Over", ends_at=timezone.now() - timedelta(minutes=1))
    draft = Banner(title="Draft", message="<p>Draft</p>", locale=Locale.get_default())
    draft.save()
    draft.save_revision()  # saved, never published
    Banner.objects.filter(pk=draft.pk).update(live=False)
    html = client.get("/en/").content.decode()
    assert "Later" not in html and "Over" not in html and "Draft" not in html


def test_banner_limit_and_priority_follow_site_settings(client, home_page):
    make_banner("Low", priority=1)
    make_banner("High", priority=9)
    make_banner("Middle", priority=5)
    settings_obj = SiteSettings.for_site(home_page.get_site())
    settings_obj.max_banners = 2
    settings_obj.save()
    html = client.get("/en/").content.decode()
    assert html.index("High") < html.index("Middle") and "Low" not in html


def test_banner_schedule_is_honoured_behind_a_page_cache(client, home_page, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    start = timezone.now() + timedelta(minutes=5)
    make_banner("Flash sale", starts_at=start)
    middleware = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *__import__("django.conf").conf.settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    with override_settings(MIDDLEWARE=middleware, CACHE_MIDDLEWARE_SECONDS=3600):
        first = client.get("/en/")
        assert "Flash sale" not in first.content.decode()
        assert "max-age=300" in first["Cache-Control"]  # capped at the banner's start
        time_machine.shift(timedelta(minutes=6))
        second = client.get("/en/")
        assert "Flash sale" in second.content.decode()


def test_changing_a_banner_shows_at_once_despite_the_candidate_cache(client, home_page):
    banner = make_banner("First text")
    assert "First text" in client.get("/en/").content.decode()
    banner.message = "<p>Second text</p>"
    banner.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Second text" in html and "First text" not in html


# --- query counts -----------------------------------------------------------------


def _add_menu_items(home, count):
    menu, _ = Menu.objects.get_or_create(location="header", locale=Locale.get_default())
    for i in range(count):
        page = home.add_child(instance=StandardPage(title=f"Page {i}", slug=f"page-{menu.items.count()}-{i}"))
        page.save_revision().publish()
        MenuItem.objects.create(menu=menu, label=f"Item {i}", link_page=page, locale=menu.locale)


@pytest.mark.parametrize("path", ["/en/", "/en/about-us/"])
def test_query_count_does_not_grow_with_menu_items_or_banners(client, home_page, path, django_assert_max_num_queries):
    about = home_page.add_child(instance=StandardPage(title="About us", slug="about-us"))
    about.save_revision().publish()
    _add_menu_items(home_page, 2)
    make_banner("One")
    client.get(path)  # warm caches (site root paths, settings)
    cache.clear()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    _add_menu_items(home_page, 8)
    for i in range(6):
        make_banner(f"Banner {i}", priority=i)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        assert client.get(path).status_code == 200
    assert len(large) <= len(small), [q["sql"] for q in large.captured_queries]
    with django_assert_max_num_queries(len(small)):
        client.get(path)  # and with warm menu/banner caches it is cheaper still


# --- contact form -----------------------------------------------------------------


def contact_data(**overrides):
    data = {"your_name": "Anna", "email": "anna@example.com", "message": "Do you do curly hair?", "website": ""}
    return data | overrides


def test_contact_form_stores_emails_the_owner_and_shows_a_toast(client, demo_site, run_tasks):
    response = client.post("/de/kontakt/", contact_data(), follow=True)
    assert response.redirect_chain[-1][0] == "/de/kontakt/"
    html = response.content.decode()
    toasts = json.loads(re.search(r'<script id="initial-toasts" type="application/json">(.*?)</script>', html).group(1))
    assert toasts == [
        {"message": "Vielen Dank! Ihre Nachricht wurde gesendet. Wir melden uns bald bei Ihnen.", "level": "success"}
    ]
    submission = FormSubmission.objects.get()
    assert submission.get_data()["message"] == "Do you do curly hair?"
    assert mail.outbox == []  # sent by the worker, not in the request
    run_tasks()
    assert len(mail.outbox) == 1
    owner_mail = mail.outbox[0]
    assert owner_mail.to == ["owner@example.com"] and owner_mail.reply_to == ["anna@example.com"]
    assert "Do you do curly hair?" in owner_mail.body


def test_contact_form_errors_are_shown_and_nothing_is_stored(client, demo_site):
    response = client.post("/de/kontakt/", contact_data(email="not-an-email", message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert FormSubmission.objects.count() == 0


def test_contact_honeypot_accepts_silently_and_stores_nothing(client, demo_site, run_tasks):
    response = client.post("/de/kontakt/", contact_data(website="http://spam.example"))
    assert response.status_code == 302
    run_tasks()
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_contact_form_is_rate_limited_with_a_localized_message(client, demo_site):
    for _ in range(5):
        assert client.post("/uk/kontakty/", contact_data()).status_code == 302
    response = client.post("/uk/kontakty/", contact_data())
    assert response.status_code == 429
    assert "Зачекайте кілька хвилин" in response.content.decode()
    assert FormSubmission.objects.count() == 5


# --- maintenance mode -------------------------------------------------------------


def test_maintenance_mode_shows_a_localized_503_except_to_staff(client, home_page, admin_user):
    settings_obj = SiteSettings.for_site(home_page.get_site())
    settings_obj.maintenance_mode = True
    settings_obj.save()
    response = client.get("/de/")
    assert response.status_code == 503
    assert "Gleich wieder da" in response.content.decode()
    assert response["Retry-After"]
    assert client.get("/health/").status_code == 200
    assert client.get("/admin/login/").status_code == 200
    # A view that declares itself exempt (the Stripe webhook) still answers: an unsigned event is refused, not lost.
    assert client.post("/stripe/webhook/", b"{}", content_type="application/json").status_code == 400
    assert client.get("/en/shop/basket/").status_code == 503
    client.force_login(admin_user)
    assert client.get("/de/").status_code == 200


def test_language_switcher_keeps_the_sub_route_of_a_routable_page(client, demo_site, django_user_model):
    from booking.models import BookingPage

    booking = BookingPage.objects.get(locale__language_code="en")
    german = booking.get_translation(Locale.objects.get(language_code="de"))
    ukrainian = booking.get_translation(Locale.objects.get(language_code="uk"))
    client.force_login(django_user_model.objects.create_user(email="kunde@example.com", password="x-long-pass-1"))
    response = client.get(german.url + "my/")  # "my bookings", a sub-route of the booking page
    assert response.status_code == 200
    html = response.content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert f'href="{ukrainian.url}my/"' in switcher


def test_language_switcher_translates_the_return_url_it_keeps(client, demo_site):
    """On the German sign-in page with ?next=<German checkout>, the Russian link returns to the Russian checkout,
    and a `next` naming a translated Wagtail page points at that page's Russian translation."""
    from urllib.parse import parse_qs, unquote, urlsplit

    from django.urls import reverse
    from django.utils.translation import override

    with override("de"):
        login, checkout = reverse("customer:login"), reverse("checkout:index")
    with override("ru"):
        ru_login, ru_checkout = reverse("customer:login"), reverse("checkout:index")
    response = client.get(f"{login}?next={checkout}")
    assert response.status_code == 200
    html = response.content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    hrefs = [unquote(h).replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', switcher)]
    ru = next(h for h in hrefs if h.startswith("/ru/"))
    assert urlsplit(ru).path == ru_login
    assert parse_qs(urlsplit(ru).query)["next"] == [ru_checkout]

    from booking.models import BookingPage

    booking = BookingPage.objects.get(locale__language_code="en")
    german = booking.get_translation(Locale.objects.get(language_code="de"))
    russian = booking.get_translation(Locale.objects.get(language_code="ru"))
    assert german.url != russian.url
    html = client.get(f"{login}?next={german.url}my/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    hrefs = [unquote(h).replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', switcher)]
    ru = next(h for h in hrefs if h.startswith("/ru/"))
    assert parse_qs(urlsplit(ru).query)["next"] == [f"{russian.url}my/"]


def test_a_persons_name_is_spelled_the_same_in_every_language(client, demo_site):
    """Staff names are not translated: the booking wizard names the stylist identically in en, de, ru and uk,
    and a translator's editor has no segment for the name (it is copied from the source)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    from booking.models import BookingPage, Service, Staff

    haircut = Service.objects.get(name="Haircut", locale__language_code="en")
    booking = BookingPage.objects.get(locale__language_code="en")
    for code in ("en", "de", "ru", "uk"):
        page = booking.get_translation(Locale.objects.get(language_code=code))
        html = client.get(f"{page.url}?service={haircut.pk}").content.decode()
        assert "Mehmet Yilmaz" in html, code
        assert "Yılmaz" not in html and "Мехмет" not in html and "Анна" not in html, code
    for member in Staff.objects.all():
        assert member.name == Staff.objects.get(translation_key=member.translation_key, locale__language_code="en").name
    source, _ = TranslationSource.get_or_create_from_instance(
        Staff.objects.get(name="Mehmet Yilmaz", locale__language_code="en")
    )
    assert not StringSegment.objects.filter(source=source, string__data="Mehmet Yilmaz").exists()
