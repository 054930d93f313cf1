"""Wagtail's Locale rows follow the LANGUAGES setting (`manage.py sync_languages`)."""

from django.conf import settings
from wagtail.models import Locale


def sync_locales():
    """Create a Locale for every configured language. Returns (created codes, codes of Locales no longer
    configured). Those are left alone: pages, snippets and translations hang off them; removing a language
    is an editor's decision (delete its pages in the admin, then the locale under Settings → Locales)."""
    configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    created = [code for code in configured if Locale.objects.get_or_create(language_code=code)[1]]
    unconfigured = sorted(set(Locale.objects.values_list("language_code", flat=True)) - set(configured))
    return created, unconfigured
