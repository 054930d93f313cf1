"""Oscar's catalogue and checkout apps with our views plugged in (no fork of their code).

INSTALLED_APPS lists these instead of Oscar's own configs; label, name and models stay Oscar's.
"""

from oscar.apps.catalogue.apps import CatalogueConfig as OscarCatalogueConfig
from oscar.apps.checkout.apps import CheckoutConfig as OscarCheckoutConfig


class CatalogueConfig(OscarCatalogueConfig):
    def ready(self):
        super().ready()
        from . import redirects

        # Oscar's product and category pages redirect to the Wagtail storefront.
        self.detail_view = redirects.ProductRedirectView
        self.catalogue_view = redirects.CatalogueRedirectView
        self.category_view = redirects.CategoryRedirectView


class CheckoutConfig(OscarCheckoutConfig):
    def ready(self):
        super().ready()
        from .checkout import PaymentDetailsView

        self.payment_details_view = PaymentDetailsView
