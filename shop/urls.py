"""The shop's URLs (mounted at /<lang>/shop/ by config/urls.py): Oscar's, with what its views
declare about themselves (CSP, visitor statistics, the staff's second factor, reset limits)."""

from django.apps import apps
from django.urls import URLResolver

from ops.csp import admin_policy, csp_update_per_response
from ops.security import password_reset_limited
from ops.twofactor import second_factor_required
from ops.visitors import not_a_page_view

from .csp import stripe_sources


def staff_area(view):
    """Oscar's dashboard: the admin's relaxed CSP, no visitor statistics, the staff's second factor."""
    return second_factor_required(not_a_page_view(admin_policy(view)))


payment_area = csp_update_per_response(stripe_sources)  # checkout: Stripe.js, its frames and API


def account_settings(view):
    """The customer's account pages are worth as much as the admin for an enrolled staff member."""
    return second_factor_required(view)


# What each of Oscar's URL namespaces declares about its views: (decorator, URL names left alone).
VIEW_DECLARATIONS = {
    "dashboard": (staff_area, ()),
    "checkout": (payment_area, ()),
    "customer": (account_settings, ("login", "logout")),
}
PASSWORD_RESET_URL = "password-reset"  # Oscar's (root) password reset: limited per client and address


def decorate_views(patterns, decorator, skip=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            decorate_views(pattern.url_patterns, decorator, skip)
        elif pattern.name not in skip:
            pattern.callback = decorator(pattern.callback)


def declare_views(urls):
    for pattern in urls:
        if isinstance(pattern, URLResolver) and pattern.namespace in VIEW_DECLARATIONS:
            decorator, skip = VIEW_DECLARATIONS[pattern.namespace]
            decorate_views(pattern.url_patterns, decorator, skip)
        elif getattr(pattern, "name", None) == PASSWORD_RESET_URL:
            pattern.callback = password_reset_limited(pattern.callback)
    return urls


urlpatterns = declare_views(apps.get_app_config("oscar").urls[0])
