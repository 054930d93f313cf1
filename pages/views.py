import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

from core.models import SiteSettings
from core.storages import save_exact

from .og_image import image_key, render_og_image

SEARCH_PER_PAGE = 10
SEARCH_MAX_WORDS = 10


def search_terms(query):
    """The words of a visitor's query, safe for every search backend: SQLite's FTS5
    reads quotes, brackets, `*`, `:`, `-` and upper-case AND/OR/NOT/NEAR as syntax
    (an unbalanced quote is an error), PostgreSQL's tsquery reads `&|!():*`."""
    return " ".join(re.findall(r"\w+", query.lower())[:SEARCH_MAX_WORDS])


@require_GET
def search_view(request):
    """Wagtail search over the current language's live pages (PostgreSQL full-text
    search when running on PostgreSQL, the database backend's own index otherwise)."""
    query = request.GET.get("q", "").strip()[:200]
    terms = search_terms(query)
    results = None
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).specific()
        results = Paginator(pages.search(terms), SEARCH_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/search.html", {"query": query, "results": results})


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24 * 365, immutable=True)
def og_image_view(request, page_id, key):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not hasattr(page, "seo_pagetitle"):
        raise Http404("No such page.")
    title, site_name = page.seo_pagetitle, page.seo_sitename
    if image_key(title, site_name) != key:
        raise Http404("This image is out of date.")
    name = f"og/{page_id}-{key}.png"
    if default_storage.exists(name):
        with default_storage.open(name) as handle:
            data = handle.read()
    else:
        data = render_og_image(title, site_name)
        # A cache keyed by content: write under this exact name (S3 storage renames every save).
        save_exact(default_storage, name, ContentFile(data))
    return HttpResponse(data, content_type="image/png")


def _site_pages(request):
    """Live, public pages of every configured language's tree of the current site (a language taken out of
    LANGUAGES keeps its pages in the database but is no longer served, so it is not listed)."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    roots = site.root_page.get_translations(inclusive=True)
    in_trees = Q()
    for root in roots:
        in_trees |= Q(path__startswith=root.path)
    languages = [code for code, _name in settings.LANGUAGES]
    pages = Page.objects.live().public().filter(in_trees, locale__language_code__in=languages)
    return pages.select_related("locale").order_by("path")


@require_GET
def sitemap_view(request):
    """Every live page in every language, with xhtml:link alternates per translation."""
    pages = list(_site_pages(request))
    groups = {}
    for page in pages:
        url = page.get_full_url(request)
        if url:
            groups.setdefault(page.translation_key, []).append((page, url))
    entries = []
    for page, url in ((p, u) for group in groups.values() for p, u in group):
        alternates = [(other.locale.language_code, other_url) for other, other_url in groups[page.translation_key]]
        default = next((u for code, u in alternates if code == settings.LANGUAGE_CODE), None)
        if default:
            alternates.append(("x-default", default))
        entries.append({"location": url, "lastmod": page.last_published_at, "alternates": alternates})
    xml = render_to_string("pages/sitemap.xml", {"entries": entries})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@require_GET
def robots_txt_view(request):
    site = Site.find_for_request(request)
    rules = SiteSettings.for_site(site).robots_txt if site else ""
    sitemap = request.build_absolute_uri("/sitemap.xml")
    return HttpResponse(f"{rules.strip()}\n\nSitemap: {sitemap}\n", content_type="text/plain; charset=utf-8")
