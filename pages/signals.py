from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import StringTranslation

from core import cache_versions
from pages.models import Menu, MenuItem

from .seo import transliterated_slug


def navigation_changed(sender, **kwargs):
    cache_versions.bump("navigation")


def transliterate_translated_slug(sender, instance, raw=False, **kwargs):
    """A translator who types the slug in Cyrillic gets it transliterated (wagtail-localize
    would otherwise strip every non-Latin letter and fail on the empty slug)."""

    if raw or instance.context_id is None or instance.data.isascii():
        return
    if instance.context.path == "slug":
        instance.data = transliterated_slug(instance.data, limit=255) or instance.data


def connect():
    pre_save.connect(transliterate_translated_slug, sender=StringTranslation, dispatch_uid="translit_slug")

    for model in (Menu, MenuItem):
        post_save.connect(navigation_changed, sender=model, dispatch_uid=f"nav_save_{model.__name__}")
        post_delete.connect(navigation_changed, sender=model, dispatch_uid=f"nav_delete_{model.__name__}")
    # Any page: menus link to pages whose titles, slugs and liveness may change.
    page_published.connect(navigation_changed, dispatch_uid="nav_page_published")
    page_unpublished.connect(navigation_changed, dispatch_uid="nav_page_unpublished")
    post_page_move.connect(navigation_changed, dispatch_uid="nav_page_moved")
    post_delete.connect(navigation_changed, sender=Page, dispatch_uid="nav_page_deleted")
