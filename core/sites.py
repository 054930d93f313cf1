"""Absolute links in emails come from BASE_URL (settings.WAGTAILADMIN_BASE_URL),
never from a request's Host header.

Oscar's emails (password reset, order status, alerts) and Django's and Wagtail's
password-reset emails build links from the django.contrib.sites record; after
every migrate that record mirrors BASE_URL, and OSCAR_URL_SCHEMA follows its scheme."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    """`path` ("/en/…") as an absolute link on the real site."""
    return base_url() + path


def sync_site_record(sender=None, using="default", **kwargs):
    """post_migrate: the Sites record (SITE_ID) gets BASE_URL's host and the site name."""
    if sender is not None and getattr(sender, "label", "") != "sites":
        return

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(base_url()).netloc, "name": settings.WAGTAIL_SITE_NAME},
    )
