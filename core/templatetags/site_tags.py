from dataclasses import replace

from django import template
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from core import banners as banner_rules
from core import cache_versions
from core.localize import localized_pages
from core.models import Banner, SiteSettings, banner_areas
from core.toasts import toast_payload
from core.validators import is_safe_link

register = template.Library()


def view_banner_areas():
    """{URL namespace: banner area} declared by apps through the `register_banner_areas` hook."""
    return {namespace: area.name for area in banner_areas() for namespace in area.url_namespaces}


def _area(request, page):
    """The area the current page or view declares: a page class's `banner_area`,
    else the area registered for the resolved URL namespace, else the whole site."""
    area = getattr(page, "banner_area", None)
    if area:
        return area
    match = getattr(request, "resolver_match", None)
    if match is not None and match.namespaces:
        areas = view_banner_areas()
        for namespace in reversed(match.namespaces):
            if namespace in areas:
                return areas[namespace]
    return banner_rules.TARGET_SITE


def banner_candidates():
    """Live banners in the visitor's or the default language.

    Cached until a banner changes (see core/apps.py); schedules are still
    evaluated on every request."""
    languages = sorted({get_language(), settings.LANGUAGE_CODE})
    key = f"banners:{cache_versions.version('banners')}:{','.join(languages)}"
    candidates = cache.get(key)
    if candidates is None:
        candidates = _load_banner_candidates(languages)
        cache.set(key, candidates, 60 * 60)
    return candidates


def _load_banner_candidates(languages):
    rows = (
        Banner.objects.filter(live=True, locale__language_code__in=languages)
        .select_related("locale", "target_page")
        .order_by("-priority", "id")
    )
    return [
        banner_rules.BannerCandidate(
            id=row.id,
            translation_key=str(row.translation_key),
            language=row.locale.language_code,
            priority=row.priority,
            target=row.target,
            message_html=row.message,
            link_url=row.link_url if is_safe_link(row.link_url) else "",  # rows saved before validation
            link_label=row.link_label,
            severity=row.severity,
            dismissible=row.dismissible,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            target_page_key=str(row.target_page.translation_key) if row.target_page else None,
            link_page_id=row.link_page_id,
        )
        for row in rows
    ]


@register.inclusion_tag("core/banners.html", takes_context=True)
def announcement_banners(context):
    request = context.get("request")
    if request is None:
        return {"banners": []}
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    candidates = banner_candidates()
    if not candidates:
        return {"banners": []}
    now = timezone.now()
    ancestor_keys = ()
    if page is not None and any(c.target == banner_rules.TARGET_SUBTREE for c in candidates):
        ancestor_keys = [str(k) for k in page.get_ancestors(inclusive=True).values_list("translation_key", flat=True)]
    limit = SiteSettings.for_request(request).max_banners
    chosen = banner_rules.select_banners(
        candidates,
        now=now,
        language=get_language(),
        default_language=settings.LANGUAGE_CODE,
        area=_area(request, page),
        ancestor_keys=ancestor_keys,
        limit=limit,
    )
    chosen = _link_chosen_pages(chosen, request)
    # Lets core.middleware.BannerScheduleCacheMiddleware cap page-cache lifetimes.
    request.banner_next_change = banner_rules.next_change(candidates, now)
    return {"banners": chosen}


def _link_chosen_pages(chosen, request):
    """A banner linking to a page links to its live version in the visitor's language
    (the chosen page if there is none; else the typed URL, else no link)."""
    ids = [c.link_page_id for c in chosen if c.link_page_id]
    if not ids:
        return chosen
    links = localized_pages(Page.objects.filter(pk__in=ids))
    linked = []
    for candidate in chosen:
        if candidate.link_page_id:
            page = links.get(candidate.link_page_id)
            url = (page.get_url(request) or "") if page is not None else candidate.link_url
            candidate = replace(candidate, link_url=url)
        linked.append(candidate)
    return linked


@register.inclusion_tag("core/toasts.html", takes_context=True)
def toasts(context):
    request = context.get("request")
    pending = [toast_payload(m.message, m.level_tag) for m in get_messages(request)] if request else []
    return {"initial_toasts": pending}
