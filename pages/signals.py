from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import cache_versions


def navigation_changed(sender, **kwargs):
    cache_versions.bump("navigation")


def connect():
    from wagtail.models import Page

    from pages.models import Menu, MenuItem

    for model in (Menu, MenuItem):
        post_save.connect(navigation_changed, sender=model, dispatch_uid=f"nav_save_{model.__name__}")
        post_delete.connect(navigation_changed, sender=model, dispatch_uid=f"nav_delete_{model.__name__}")
    # Any page: menus link to pages whose titles, slugs and liveness may change.
    page_published.connect(navigation_changed, dispatch_uid="nav_page_published")
    page_unpublished.connect(navigation_changed, dispatch_uid="nav_page_unpublished")
    post_page_move.connect(navigation_changed, dispatch_uid="nav_page_moved")
    post_delete.connect(navigation_changed, sender=Page, dispatch_uid="nav_page_deleted")
