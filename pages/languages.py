"""Where the language switcher and the hreflang alternates point.

For a Wagtail page: its live translations; a language without one gets that
locale's home page in the switcher (and no hreflang alternate, since it is not the
same content). Routable pages keep their sub-route (e.g. /de/termine/zeit/ →
/uk/zapys/zeit/) and every page keeps its query string, so a visitor mid-booking
(?service=…&staff=…&date=…) or on page 2 of a sorted listing stays there: the
wizard's service and staff ids are those of the default-language records in every
language, shop sort/category/page values are language-neutral. For other views
(Oscar…): the same route under the other prefix, query included.

A return-URL parameter the page keeps (`?next=/de/shop/checkout/` on the sign-in
page) is itself a path on this site: it is translated like the page, so a visitor
who switches language and then signs in returns to the page in the new language.

Every URL is built from a local path: a request for `//evil.example/x` (which a
browser reads as another host) never becomes a link or an hreflang alternate.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_from_path
from wagtail.models import Page, Site

# Query parameters that carry a path to return to (Django's REDIRECT_FIELD_NAME and the like).
RETURN_URL_PARAMETERS = ("next", "return_to", "redirect_to", "return_url", "success_url")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the link falls back to another page


def _live_translations_by_language(page):
    pages = page.get_translations(inclusive=True).live().select_related("locale").specific(defer=True)
    return {p.locale.language_code: p for p in pages}


def _subroute(request, page):
    """The part of the path after the page's own URL (routable pages), or ''."""
    if request is None or not hasattr(page, "resolve_subpage"):
        return ""
    own = page.get_url(request) or ""
    path = request.path
    return path[len(own) :] if own and path.startswith(own) and len(path) > len(own) else ""


def is_local_path(url):
    """A path on this site: "/…" but not "//host…" or "/\\host…" (both leave the site)."""
    return isinstance(url, str) and url.startswith("/") and not url.startswith(("//", "/\\"))


def _page_path(request, path, code):
    """A Wagtail page path (sub-route included) in language `code`, or None (not a page or no live translation)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve" or request is None:
        return None
    site = Site.find_for_request(request)
    language = get_language_from_path(path)
    if site is None or language is None:
        return None
    try:
        with translation.override(language):
            found, _args, _kwargs = site.root_page.localized.specific.route(
                request, [part for part in match.args[0].split("/") if part] if match.args else []
            )
    except Http404:
        return None
    own = found.get_url(request) or ""
    target = _live_translations_by_language(found).get(code)
    target_url = target.get_url(request) if target is not None else None
    if not target_url or not own or not path.startswith(own):
        return None
    return target_url + path[len(own) :]


def translated_return_url(request, url, code):
    """A local return URL in language `code` (page or view, query kept); anything else unchanged."""
    if not is_local_path(url):
        return url
    parts = urlsplit(url)
    path = _page_path(request, parts.path, code)
    if path is None:
        translated = translate_url(parts.path, code)
        path = translated if is_local_path(translated) else parts.path
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _query(request, code=None):
    """The visitor's query string, re-encoded ("?a=1&b=2"), or "", its return URLs in language `code`."""
    if request is None or not request.GET:
        return ""
    query = request.GET
    if code is not None and any(name in query for name in RETURN_URL_PARAMETERS):
        query = query.copy()
        for name in RETURN_URL_PARAMETERS:
            if name in query:
                query.setlist(name, [translated_return_url(request, v, code) for v in query.getlist(name)])
    return "?" + query.urlencode()


def _same_route(request, code):
    """This request's route under another language prefix, or None (not a local, translatable path)."""
    if not is_local_path(request.path):
        return None
    path = request.get_full_path().partition("?")[0]
    url = translate_url(path, code)
    if url == path and code != get_language():
        return None
    return url + _query(request, code)


def language_links(request, page=None):
    cache_key = "_language_links"
    if request is not None and getattr(request, cache_key, None) is not None:
        return getattr(request, cache_key)
    current = get_language()
    is_page = isinstance(page, Page)
    translations = _live_translations_by_language(page) if is_page else {}
    homes = {}
    if is_page:
        site = Site.find_for_request(request) if request is not None else None
        if site is not None and len(translations) < len(settings.LANGUAGES):
            homes = _live_translations_by_language(site.root_page)
    subroute = _subroute(request, page) if is_page else ""

    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        url = None
        if translation is not None:
            own = translation.get_url(request)
            url, is_translation = (own + subroute + _query(request, code) if own else None), True
        elif is_page and homes.get(code) is not None:
            url, is_translation = homes[code].get_url(request), False
        elif request is not None and not is_page:
            url, is_translation = _same_route(request, code), True
        if not (is_local_path(url) or (url or "").startswith(("https://", "http://"))):
            url, is_translation = f"/{code}/", False
        links.append(LanguageLink(code, name, url, code == current, is_translation))
    if request is not None:
        setattr(request, cache_key, links)
    return links
