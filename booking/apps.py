from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import pre_migrate
from django.utils.translation import gettext_lazy as _


def ensure_btree_gist(using="default", **kwargs):
    """The no-double-booking constraint needs btree_gist. The migration creates it
    (BtreeGistExtension); this also covers test databases built without migrations."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Booking")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        pre_migrate.connect(ensure_btree_gist, sender=self, dispatch_uid="booking_btree_gist")
