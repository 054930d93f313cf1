from django.db.models.signals import post_delete, post_save

from core import cache_versions
from core.models import Banner


def banners_changed(sender, **kwargs):
    cache_versions.bump("banners")


def connect():
    post_save.connect(banners_changed, sender=Banner, dispatch_uid="banners_changed_save")
    post_delete.connect(banners_changed, sender=Banner, dispatch_uid="banners_changed_delete")
