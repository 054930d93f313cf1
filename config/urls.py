from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.logout import AdminLogoutView
from core.views import health_view
from ops import passwords
from pages import views as pages_views
from shop.views import stripe_webhook

handler400 = "core.middleware.bad_request"  # the reason in the page language

urlpatterns = [
    # Password changes in the admin check the current password through the lockout (ops/passwords.py).
    path("admin/account/", passwords.wagtail_account_view),
    path("django-admin/password_change/", passwords.django_admin_password_change_view),
    path("admin/logout/", AdminLogoutView.as_view()),  # POST only (core/logout.py)
    path("admin/", include(wagtailadmin_urls)),
    # TASK_QUEUE=rq: RQ's queues and failed jobs for staff (before the admin's catch-all).
    *([path("django-admin/rq/", include("django_rq.urls"))] if apps.is_installed("django_rq") else []),
    path("django-admin/", admin.site.urls),
    path("two-factor/", include("ops.twofactor")),  # staff second factor (outside the language prefix, like the admin)
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health_view, name="health"),
    path("api/v1/", include("api.urls", namespace="api-v1")),  # the booking API (api/), outside the language prefix
    path("sitemap.xml", pages_views.sitemap_view, name="sitemap"),
    path("robots.txt", pages_views.robots_txt_view, name="robots-txt"),
    path("og/<int:page_id>-<str:key>.png", pages_views.og_image_view, name="og-image"),
    # Outside the language prefix: an unprefixed POST would get a 302.
    path("stripe/webhook/", stripe_webhook, name="stripe-webhook"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Oscar is mounted once, before Wagtail: its templates reverse customer:*,
    # basket:*, catalogue:* and search:* on every page.
    path("shop/", include("shop.urls")),  # Oscar's URLs with what its views declare (shop/urls.py)
    path("search/", pages_views.search_view, name="site-search"),
    path("ops/", include("ops.urls")),  # feedback widget POST (language-prefixed: localized replies)
    path("", include(wagtail_urls)),
)
