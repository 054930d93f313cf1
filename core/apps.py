from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        from . import input_limits, signals, sites

        signals.connect()
        input_limits.limit_form_dates()
        input_limits.limit_chooser_ids()
        input_limits.search_images_by_tag()
        input_limits.read_admin_initial_dates()
        # Before django.contrib.sites creates "example.com" (core is listed first).
        post_migrate.connect(sites.sync_site_record, dispatch_uid="core-sync-site-record")
