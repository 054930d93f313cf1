"""Where the language switcher points: the current page's translation, else that
locale's home page, else the same path under the other language prefix."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def _live_translations_by_language(page):
    pages = page.get_translations(inclusive=True).live().select_related("locale").specific(defer=True)
    return {p.locale.language_code: p for p in pages}


def language_links(request, page=None):
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        translations = _live_translations_by_language(page)
    homes = {}
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        homes = _live_translations_by_language(site.root_page)

    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or (homes.get(code) if isinstance(page, Page) else None)
        if target is not None:
            url = target.get_url(request)
        elif request is not None:
            # Not a Wagtail page (Oscar, health…): same route under the other prefix.
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append(LanguageLink(code=code, name=name, url=url, is_current=(code == current)))
    return links
