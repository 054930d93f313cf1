"""Oscar's catalogue and checkout apps with our views plugged in (no fork of their code).

INSTALLED_APPS lists these instead of Oscar's own configs; label, name and models stay Oscar's.
"""

from django.contrib.auth.decorators import login_required
from django.urls import path
from oscar.apps.catalogue.apps import CatalogueConfig as OscarCatalogueConfig
from oscar.apps.catalogue.reviews.apps import CatalogueReviewsConfig as OscarCatalogueReviewsConfig
from oscar.apps.checkout.apps import CheckoutConfig as OscarCheckoutConfig
from oscar.apps.customer.apps import CustomerConfig as OscarCustomerConfig
from oscar.apps.dashboard.reviews.apps import ReviewsDashboardConfig as OscarReviewsDashboardConfig
from oscar.config import Shop as OscarShopConfig


class ShopConfig(OscarShopConfig):
    """Oscar's root app (label "oscar"); its password reset mails unknown addresses too."""

    def ready(self):
        super().ready()
        from . import accounts, dashboard

        self.password_reset_form = accounts.PasswordResetForm
        dashboard.guard_bulk_edits()  # the dashboard's bulk actions ignore posted ids that are not ids


class CatalogueConfig(OscarCatalogueConfig):
    def ready(self):
        super().ready()
        from . import redirects

        # Oscar's product and category pages redirect to the Wagtail storefront.
        self.detail_view = redirects.ProductRedirectView
        self.catalogue_view = redirects.CatalogueRedirectView
        self.category_view = redirects.CategoryRedirectView


class CatalogueReviewsConfig(OscarCatalogueReviewsConfig):
    def ready(self):
        super().ready()
        from .reviews import ProductReviewDetail

        self.detail_view = ProductReviewDetail  # approved reviews only


class CheckoutConfig(OscarCheckoutConfig):
    def ready(self):
        super().ready()
        from . import checkout, checkout_flow

        # Shipping method before address; pickup skips the address (shop/checkout_flow.py).
        self.index_view = checkout_flow.IndexView
        self.shipping_method_view = checkout_flow.ShippingMethodView
        self.shipping_address_view = checkout_flow.ShippingAddressView
        self.payment_method_view = checkout_flow.PaymentMethodView
        self.payment_details_view = checkout.PaymentDetailsView
        self.user_address_update_view = checkout_flow.UserAddressUpdateView


class CustomerConfig(OscarCustomerConfig):
    """Oscar's accounts with email verification and guarded password checks (shop/accounts.py)."""

    def ready(self):
        super().ready()
        from . import accounts, logout

        self.login_view = accounts.AccountAuthView
        self.register_view = accounts.AccountRegistrationView
        self.profile_update_view = accounts.ProfileUpdateView
        self.change_password_view = accounts.ChangePasswordView
        self.logout_view = logout.LogoutView  # POST only
        self.verify_email_view = accounts.verify_email_view
        self.resend_verification_view = accounts.ResendVerificationView
        self.profile_delete_redirect = accounts.profile_delete_redirect
        self.address_create_view = accounts.AddressCreateView  # countries in the visitor's language
        self.address_update_view = accounts.AddressUpdateView
        self.address_delete_view = accounts.AddressDeleteView

    def get_urls(self):
        urls = [
            path("verify-email/<str:token>/", self.verify_email_view, name="verify-email"),
            path("verify-email/", self.resend_verification_view.as_view(), name="verify-email-resend"),
            # Before Oscar's own: deleting an account goes through the privacy page.
            path("profile/delete/", login_required(self.profile_delete_redirect), name="profile-delete"),
        ]
        return urls + super().get_urls()


class ReviewsDashboardConfig(OscarReviewsDashboardConfig):
    def ready(self):
        super().ready()
        from .dashboard import ReviewListView

        self.list_view = ReviewListView  # a bulk status change accepts only review statuses
