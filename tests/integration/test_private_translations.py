"""A restriction set on a page in the admin covers all its translations and aliases (wagtail-localize #317)."""

import re
from html import unescape

from wagtail.models import Locale, Page

from pages.demo import DEMO_ADMIN_EMAIL
from pages.models import StandardPage
from shop.models import ProductPage


def set_privacy(client, page, **data):
    response = client.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200, response.content[:500]
    assert b"set_privacy_done" in response.content


def group(page):
    return [p.specific for p in Page.objects.filter(translation_key=page.translation_key).order_by("locale_id")]


def test_a_password_set_after_translating_protects_every_language(client, demo_site, django_user_model):
    editor = django_user_model.objects.get(email=DEMO_ADMIN_EMAIL)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    pages = group(about)
    assert len(pages) == 4
    texts = {page.url: page.intro for page in pages}

    client.force_login(editor)
    set_privacy(client, about, restriction_type="password", password="members-only")
    client.logout()

    for url, intro in texts.items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert 'type="password"' in html, url
        assert intro not in html, url
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in texts:
        assert url not in sitemap, url
    assert "/de/leistungen/" in sitemap  # other pages stay listed
    german_results = client.get("/de/search/", {"q": "Stühlen"}).content.decode()
    german_results = re.search(r'<main id="main".*?</main>', german_results, re.S).group(0)
    assert "/de/ueber-uns/" not in german_results

    # The password opens the German page.
    german = about.get_translation(Locale.objects.get(language_code="de"))
    form = client.get(german.url).content.decode()
    action = re.search(r'<form[^>]*action="([^"]*authenticate_with_password[^"]*)"', form).group(1)
    response = client.post(unescape(action), {"password": "members-only", "return_url": german.url})
    assert response.status_code == 302
    assert german.intro in client.get(german.url).content.decode()

    # Making the German copy public again makes the whole group public.
    client.force_login(editor)
    set_privacy(client, german, restriction_type="none")
    client.logout()
    client.cookies.clear()
    for url, intro in texts.items():
        assert intro in client.get(url).content.decode(), url
    assert "/ru/o-nas/" in client.get("/sitemap.xml").content.decode()


def test_a_login_restriction_covers_translations_and_aliases_and_new_translations(client, demo_site, django_user_model):
    editor = django_user_model.objects.get(email=DEMO_ADMIN_EMAIL)
    product = ProductPage.objects.filter(locale__language_code="en").first()
    client.force_login(editor)
    set_privacy(client, product, restriction_type="login")
    client.logout()
    members = group(product)
    assert len(members) == 4
    for page in members:
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert "login" in response["Location"], page.url
    sitemap = client.get("/sitemap.xml").content.decode()
    assert all(page.url not in sitemap for page in members)
    for page in members:  # nor listed or found on the storefront
        assert page.url not in client.get(page.get_parent().url).content.decode(), page.url

    # A page translated after the restriction starts private too.
    services = StandardPage.objects.get(slug="services", locale__language_code="en")
    client.force_login(editor)
    set_privacy(client, services, restriction_type="login")
    ukrainian = [p for p in group(services) if p.locale.language_code == "uk"][0]
    ukrainian.delete()
    response = client.post(f"/admin/localize/submit/page/{services.pk}/", {"locales": [ukrainian.locale_id]})
    assert response.status_code == 302
    new_copy = services.get_translation(Locale.objects.get(language_code="uk"))
    assert new_copy.view_restrictions.filter(restriction_type="login").exists()
    # Deleting the English page does not make the translations public.
    services.delete()
    assert all(page.view_restrictions.exists() for page in group(new_copy))
