"""Links an editor chose render the visitor's language version of the page.

A page reference (a PageChooserBlock, a page FK, a menu item) stores one page,
usually the source-language page it was chosen in; wagtail-localize keeps it when
it syncs a translation. At render time every reference goes through here: the live
translation in the active language if there is one, else the chosen page if it
is live, else nothing (an unpublished page is not linked: no link to a 404).
"""

from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def active_language():
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return None


def localized_pages(pages):
    """{page pk: the page to link to, or None} for `pages` (None entries skipped), in one query."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    language = active_language()
    keys = {page.translation_key for page in pages}
    translations = {}
    if language:
        rows = Page.objects.live().filter(translation_key__in=keys, locale__language_code=language)
        translations = {page.translation_key: page for page in rows.select_related("locale")}
    return {page.pk: translations.get(page.translation_key) or (page if page.live else None) for page in pages}


def localized_page(page):
    """The page to link to for one reference (None when there is nothing live to link to)."""
    if page is None:
        return None
    return localized_pages([page])[page.pk]
