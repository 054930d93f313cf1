"""A translator translates the home page in Wagtail with wagtail-localize and publishes it."""

import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation


@pytest.fixture
def english_home(home_page):
    home_page.title = "Welcome to our studio"
    home_page.intro = "Cuts and colour in the city centre."
    home_page.save_revision().publish()
    return home_page


@pytest.mark.django_db
def test_translator_translates_and_publishes_the_home_page(
    client, admin_user, english_home, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    german = Locale.objects.get(language_code="de")

    # 1. "Translate" from the page's action menu, choosing German (after the commit too).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{english_home.id}/", {"locales": [german.id]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=english_home.translation_key, target_locale=german)
    german_page = english_home.get_translation(german)
    assert not german_page.live  # a draft until the translator publishes

    # 2. Type the title in the translation editor.
    title_segment = StringSegment.objects.get(source=translation.source, string__data="Welcome to our studio")
    response = client.put(
        f"/admin/localize/translate/{translation.id}/strings/{title_segment.id}/edit/",
        data="value=Willkommen+in+unserem+Studio",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201, response.content

    # 3. Export the PO file, fill in the intro offline, import it again.
    po_response = client.get(f"/admin/localize/translate/{translation.id}/pofile/download/")
    assert po_response.status_code == 200
    po = polib.pofile(po_response.content.decode())
    intro_entry = next(entry for entry in po if entry.msgid == "Cuts and colour in the city centre.")
    intro_entry.msgstr = "Schnitt und Farbe mitten in der Stadt."
    upload = SimpleUploadedFile("de.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/",
        {"file": upload, "next": f"/admin/pages/{german_page.id}/edit/"},
    )
    assert response.status_code == 302

    # 4. Publish from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{german_page.id}/edit/", {"action": "publish"})
    assert response.status_code == 302

    client.logout()
    html = client.get("/de/").content.decode()
    assert "Willkommen in unserem Studio" in html
    assert "Schnitt und Farbe mitten in der Stadt." in html
    assert "Welcome to our studio" not in html


@pytest.mark.django_db
def test_a_new_translation_is_a_draft_until_the_translator_publishes_it(
    client, admin_user, english_home, django_capture_on_commit_callbacks
):
    from pages.models import StandardPage

    german = Locale.objects.get(language_code="de")
    about = english_home.add_child(instance=StandardPage(title="About us", slug="about", intro="Two chairs in 2016."))
    about.save_revision().publish()
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/submit/page/{english_home.id}/", {"locales": [german.id]})
    german_home = english_home.get_translation(german)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{german_home.id}/edit/", {"action": "publish"})

    # "Translate this page" on the English page, subtree included.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{about.id}/", {"locales": [german.id]})
    assert response.status_code == 302
    german_about = about.get_translation(german)
    client.logout()

    assert client.get(german_about.url if german_about.url else "/de/about/").status_code == 404
    assert client.get("/de/about/").status_code == 404
    english_html = client.get("/en/about/").content.decode()
    assert 'hreflang="de"' not in re.search(r"<head>.*</head>", english_html, re.S).group(0)
    assert "/de/about/" not in english_html
    assert "/de/about/" not in client.get("/sitemap.xml").content.decode()

    # The translator publishes from the translation editor: now it is served, listed and linked.
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{german_about.id}/edit/", {"action": "publish"})
    client.logout()
    assert client.get("/de/about/").status_code == 200
    assert "/de/about/" in client.get("/sitemap.xml").content.decode()
    assert 'hreflang="de"' in client.get("/en/about/").content.decode()


@pytest.mark.django_db
def test_a_slug_typed_in_cyrillic_is_transliterated(
    client, admin_user, english_home, django_capture_on_commit_callbacks
):
    from pages.models import StandardPage

    ukrainian = Locale.objects.get(language_code="uk")
    about = english_home.add_child(instance=StandardPage(title="About us", slug="about", intro="Two chairs."))
    about.save_revision().publish()
    client.force_login(admin_user)
    for page in (english_home, about):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/localize/submit/page/{page.id}/", {"locales": [ukrainian.id]})
    translation = Translation.objects.get(source__object_id=about.translation_key, target_locale=ukrainian)
    for source_text, typed in (("about", "про-нас"), ("About us", "Про нас")):
        segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
        response = client.put(
            f"/admin/localize/translate/{translation.id}/strings/{segment.id}/edit/",
            data=f"value={typed}".encode(),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code == 201, response.content
    for page in (english_home, about):
        target = page.get_translation(ukrainian)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/pages/{target.id}/edit/", {"action": "publish"})
    client.logout()
    response = client.get("/uk/pro-nas/")
    assert response.status_code == 200
    assert "Про нас" in response.content.decode()
