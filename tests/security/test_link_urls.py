"""Links editors type (banners, menus) accept site paths and http(s)/mailto/tel
addresses only: javascript:, data: and friends are refused. (Call-to-action and
map links are URLBlock/URLField: Django's URLValidator allows http(s) and ftp only.)"""

import json

import pytest
from wagtail.models import Locale

from core.models import Banner
from pages.models import Menu

UNSAFE = ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"]
MESSAGE = json.dumps(
    {
        "blocks": [
            {"key": "a1", "text": "Sale!", "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
        ],
        "entityMap": {},
    }
)


def banner_form(link_url):
    return {
        "title": "Sale",
        "message": MESSAGE,
        "link_url": link_url,
        "link_label": "Go",
        "severity": "info",
        "priority": "0",
        "dismissible": "on",
        "target": "site",
        "locale": Locale.get_default().pk,
    }


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("url", UNSAFE)
def test_banner_links_refuse_scripts(editor, url):
    response = editor.post("/admin/snippets/core/banner/add/", banner_form(url))
    assert response.status_code == 200
    assert "Enter a page path" in response.content.decode()
    assert not Banner.objects.exists()


@pytest.mark.parametrize("url", ["/en/shop/", "https://example.org/sale", "mailto:hi@example.com"])
def test_banner_links_accept_paths_and_web_addresses(editor, url):
    response = editor.post("/admin/snippets/core/banner/add/", banner_form(url))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Banner.objects.get().link_url == url


def menu_form(link_url):
    return {
        "location": "header",
        "locale": Locale.get_default().pk,
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-label": "Evil",
        "items-0-link_url": link_url,
        "items-0-ORDER": "1",
        "items-0-id": "",
        "items-0-DELETE": "",
    }


@pytest.mark.parametrize("url", UNSAFE)
def test_menu_links_refuse_scripts(editor, url):
    response = editor.post("/admin/snippets/pages/menu/add/", menu_form(url))
    assert response.status_code == 200
    assert "Enter a page path" in response.content.decode()
    assert not Menu.objects.exists()


def test_menu_links_accept_web_addresses(editor):
    response = editor.post("/admin/snippets/pages/menu/add/", menu_form("https://example.org/"))
    assert response.status_code == 302, response.content.decode()[-2000:]
