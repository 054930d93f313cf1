"""Language links and hreflang alternates never leave the site.

A request for `//evil.example/x` (a path a browser reads as another host) gets the 404
page; its switcher and alternates must point at local pages, never at evil.example."""

import re

import pytest

HOSTILE_PATHS = ["//evil.example/x", "//evil.example/", "/\\evil.example/x", "//evil.example/en/", "///evil.example/x"]


def links(html):
    switcher = re.search(r'<nav[^>]*class="language-switcher".*?</nav>', html, re.S)
    hrefs = re.findall(r'href="([^"]*)"', switcher.group(0)) if switcher else []
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)"', html)
    return hrefs, alternates


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_a_scheme_relative_request_gets_local_language_links(client, home_page, path):
    # PATH_INFO as a WSGI server passes it on (the test client would parse `//host` as a host).
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    html = response.content.decode()
    hrefs, alternates = links(html)
    assert hrefs, "the 404 page shows the language switcher"
    for href in hrefs:
        assert re.fullmatch(r"/[a-z]{2}/", href), href
    for url in alternates:
        assert url.startswith("http://testserver/"), url
    assert "evil.example" not in "".join(hrefs + alternates)


def test_an_ordinary_missing_page_links_to_each_language_home(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    hrefs, alternates = links(response.content.decode())
    assert all(href.startswith("/") and not href.startswith("//") for href in hrefs)
    assert all(url.startswith("http://testserver/") for url in alternates)
