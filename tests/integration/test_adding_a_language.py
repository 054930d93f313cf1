"""README "Adding a language", step by step, with Polish: a language the demo does not ship.

The languages come from one setting (the LANGUAGES environment variable); `manage.py sync_languages`
creates the Wagtail locale; `scripts/translations.py update` creates the catalogue and `check` lists its
untranslated strings."""

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale

from config.languages import languages_from_codes
from pages.demo import DEMO_TRANSLATIONS, translate_with_localize
from pages.models import HomePage
from tests.services import require_programs

ROOT = Path(__file__).resolve().parents[2]
WITH_POLISH = languages_from_codes(["en", "de", "ru", "uk", "pl"])


def switcher(response):
    html = response.content.decode()
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return {code: href for href, code in re.findall(r'href="([^"]+)" hreflang="([a-z-]+)"', nav)}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_languages_come_from_codes_with_their_own_names():
    assert languages_from_codes(["en", "de", "ru", "uk"]) == [
        ("en", "English"),
        ("de", "Deutsch"),
        ("ru", "Русский"),
        ("uk", "Українська"),
    ]
    assert languages_from_codes([" en", "PL "]) == [("en", "English"), ("pl", "polski")]
    for wrong in (["en", "xx"], ["en", "en"], []):
        with pytest.raises(ImproperlyConfigured):
            languages_from_codes(wrong)


def test_the_languages_setting_is_read_from_the_environment():
    code = "from django.conf import settings; print(settings.LANGUAGE_CODE, [c for c, _ in settings.LANGUAGES])"
    env = {**os.environ, "LANGUAGES": "en,de,pl", "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "en ['en', 'de', 'pl']"


@override_settings(LANGUAGES=WITH_POLISH, WAGTAIL_CONTENT_LANGUAGES=WITH_POLISH)
def test_a_fifth_language_gets_its_locale_its_prefix_and_its_place_in_the_switcher(client, demo_site):
    assert "pl" not in DEMO_TRANSLATIONS
    assert not Locale.objects.filter(language_code="pl").exists()
    out = io.StringIO()
    call_command("sync_languages", stdout=out)
    assert "Created the Wagtail locale pl" in out.getvalue()
    assert Locale.objects.filter(language_code="pl").exists()
    out = io.StringIO()
    call_command("sync_languages", stdout=out)  # idempotent
    assert "Created" not in out.getvalue()

    # Nothing translated yet: /pl/ falls back to the default language's home page, with Django's, Wagtail's
    # and Oscar's own Polish strings, and says so to search engines (canonical = the English page).
    response = client.get("/pl/")
    assert response.status_code == 200
    assert html_lang(response) == "pl"
    html = response.content.decode()
    assert "Studio Aurora — hair, colour and care in Berlin" in html
    assert re.search(r'<link rel="canonical" href="[^"]*/en/"', html)
    english_child = HomePage.objects.get(locale__language_code="en").get_children().live().first()
    under_polish = english_child.url.replace("/en/", "/pl/", 1)
    assert client.get(under_polish).status_code == 200
    basket = client.get("/pl/shop/basket/")
    assert basket.status_code == 200 and "Twój koszyk jest pusty" in basket.content.decode()

    # The switcher offers Polish everywhere, under its own name.
    links = switcher(client.get("/de/"))
    assert links["pl"] == "/pl/"
    assert "polski" in client.get("/de/").content.decode()

    # An editor translates the home page (as in the admin): /pl/ serves it and the others link it.
    home = HomePage.objects.get(locale__language_code="en")
    translate_with_localize(home, "pl", {home.title: "Studio Aurora — fryzury, koloryzacja i pielęgnacja"}, None)
    response = client.get("/pl/")
    assert response.status_code == 200
    assert "Studio Aurora — fryzury, koloryzacja i pielęgnacja" in response.content.decode()
    assert switcher(client.get("/uk/"))["pl"] == "/pl/"
    assert client.get(under_polish).status_code == 404  # not translated: not served, as for de, ru, uk
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', response.content.decode()))
    assert alternates["pl"].endswith("/pl/") and alternates["de"].endswith("/de/")


def test_a_language_taken_out_of_the_setting_is_no_longer_served_listed_or_offered(client, demo_site):
    without_ukrainian = languages_from_codes(["en", "de", "ru"])
    with override_settings(LANGUAGES=without_ukrainian, WAGTAIL_CONTENT_LANGUAGES=without_ukrainian):
        assert client.get("/uk/").status_code in (302, 404)
        assert client.get("/uk/", follow=True).status_code == 404
        assert set(switcher(client.get("/de/"))) == {"en", "ru"}
        sitemap = client.get("/sitemap.xml").content.decode()
        assert "/de/" in sitemap and "/uk/" not in sitemap and 'hreflang="uk"' not in sitemap
        out = io.StringIO()
        call_command("sync_languages", stdout=out)
        assert "Locale uk is not in LANGUAGES: kept" in out.getvalue()
    assert Locale.objects.filter(language_code="uk").exists()


def test_update_creates_the_catalogue_of_a_new_language_and_check_lists_its_untranslated_strings(tmp_path):
    """On a copy of the project (the real locale/ is never touched)."""
    require_programs("xgettext", "msgmerge")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "venv", "node_modules", ".git", "media", "staticfiles", "backups", "tests", "*.sqlite3*", ".*"
        ),
    )
    env = {**os.environ, "LANGUAGES": "en,de,ru,uk,pl", "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.pop("DATABASE_URL", None)

    def run(*args):
        return subprocess.run(
            [sys.executable, "scripts/translations.py", *args], cwd=copy, env=env, capture_output=True, text=True
        )

    def translations(lang):
        po = polib.pofile(str(copy / "locale" / lang / "LC_MESSAGES" / "django.po"))
        return {e.msgid: (e.msgstr, e.msgstr_plural) for e in po if e.translated() and not e.obsolete}

    before = {lang: translations(lang) for lang in ("de", "ru", "uk")}
    assert run("check").stdout.strip() == "missing catalogue [pl]: locale/pl/LC_MESSAGES/django.po"

    updated = run("update")
    assert updated.returncode == 0, updated.stderr
    assert (copy / "locale" / "pl" / "LC_MESSAGES" / "django.po").exists()
    assert (copy / "locale" / "pl" / "LC_MESSAGES" / "django.mo").exists()
    for lang, entries in before.items():  # every translation kept (entries only go when the code drops them)
        after = translations(lang)
        assert {msgid: after[msgid] for msgid in entries if msgid in after} == {
            msgid: value for msgid, value in entries.items() if msgid in after
        }
        assert len(after) >= len(entries) - 5

    checked = run("check")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert len(lines) > 100
    assert all(line.startswith("untranslated [pl]: ") for line in lines)

    msgid = next(line for line in lines if "%" not in line).removeprefix("untranslated [pl]: ")
    strings = copy / "pl.json"
    strings.write_text(json.dumps({"pl": {msgid: "Przetłumaczone"}}), encoding="utf-8")
    filled = run("fill", str(strings))
    assert filled.returncode == 0, filled.stdout + filled.stderr
    assert len(run("check").stdout.splitlines()) == len(lines) - 1


def test_the_system_check_warns_about_a_configured_language_without_a_catalogue():
    from django.core.checks import run_checks

    assert [w.id for w in run_checks(tags=["translation"]) if w.id.startswith("pages.")] == []
    with override_settings(LANGUAGES=WITH_POLISH):
        warnings = [w for w in run_checks(tags=["translation"]) if w.id == "pages.W001"]
    assert len(warnings) == 1 and "'pl'" in warnings[0].msg
