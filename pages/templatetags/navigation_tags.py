from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from core import cache_versions
from core.localize import localized_pages
from core.validators import is_safe_link
from pages.languages import language_links
from pages.models import Menu

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {"links": language_links(request, context.get("page")), "request": request}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every translation, plus x-default."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    links = [link for link in language_links(request, context.get("page")) if link.is_translation]
    # Alternates name the pages themselves; the switcher's query string (the visitor's place) is left out.
    alternates = [(link.code, request.build_absolute_uri(link.url.partition("?")[0])) for link in links]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return {"alternates": alternates}


def _menu_items(location):
    """Menu items for the active language (falling back to the default language's
    menu), each linked to the active language's translation of its page.
    Three queries whatever the number of items."""
    language = get_language()
    menus = {
        menu.locale.language_code: menu
        for menu in Menu.objects.filter(
            location=location, locale__language_code__in={language, settings.LANGUAGE_CODE}
        ).select_related("locale")
    }
    menu = menus.get(language) or menus.get(settings.LANGUAGE_CODE)
    if menu is None:
        return []
    items = list(menu.items.select_related("link_page").order_by("sort_order"))
    links = localized_pages(item.link_page for item in items)
    return [(item, links.get(item.link_page_id)) for item in items]


def _menu_links(request, location):
    """[{label, url}] for the active language; cached until a menu or page changes."""
    site = Site.find_for_request(request) if request is not None else None
    key = f"menu:{cache_versions.version('navigation')}:{location}:{get_language()}:{site.pk if site else 0}"
    links = cache.get(key)
    if links is None:
        links = []
        for item, page in _menu_items(location):
            if page is not None:
                if not page.live:
                    continue
                url = page.get_url(request)
            elif is_safe_link(item.link_url):  # rows saved before validation
                url = item.link_url
            else:
                continue
            links.append({"label": item.label, "url": url})
        cache.set(key, links, 60 * 60)
    return links


@register.inclusion_tag("includes/menu.html", takes_context=True)
def site_menu(context, location, css_class=""):
    request = context.get("request")
    current_path = request.path if request else ""
    home = f"/{get_language()}/"
    links = []
    for link in _menu_links(request, location):
        url = link["url"]
        active = bool(url) and (current_path == url or (url not in ("/", home) and current_path.startswith(url)))
        links.append({**link, "active": active})
    return {"links": links, "css_class": css_class, "location": location}
