from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from . import checks, privacy, signals  # noqa: F401  (checks registers on import)

        signals.connect()
        privacy.connect()
