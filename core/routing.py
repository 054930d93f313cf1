"""Routable pages whose routes are a URLconf module, as a site's are.

Wagtail's RoutablePageMixin collects routes from `@path`-decorated methods, so a page model
would import its views and the views (which query the models) would import the page back. With
`SubpageUrlconfMixin` the page names its routes' module by dotted path (`subpage_urlconf`, as
ROOT_URLCONF names the site's) and Django's URL resolver imports it on the first request. The
module's `urlpatterns` hold plain functions; each is called as a method of the page it serves:
`view(page, request, *args)`.
"""

from django.urls import URLResolver
from django.urls.resolvers import RegexPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin


class SubpageUrlconfMixin(RoutablePageMixin):
    subpage_urlconf = None  # "app.routes": a module with `urlpatterns`

    @classmethod
    def get_resolver(cls):
        if "_routablepage_urlresolver" not in cls.__dict__:
            cls._routablepage_urlresolver = URLResolver(RegexPattern(r"^/"), cls.subpage_urlconf)
        return cls._routablepage_urlresolver

    @classmethod
    def get_subpage_urls(cls):
        return tuple(cls.get_resolver().url_patterns)
