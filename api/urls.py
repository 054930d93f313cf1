"""/api/v1/: the API's routes, each answering in the request's language (?lang=, else
Accept-Language; never the site's language cookie) and never counted as a page view."""

from functools import wraps

from django.conf import settings
from django.utils import translation

from ops.visitors import not_a_page_view

from .endpoints import api


def request_language(request):
    """?lang= if it names a configured language, else the first configured one Accept-Language names."""
    languages = {code for code, _name in settings.LANGUAGES}
    asked = request.GET.get("lang", "")
    if asked in languages:
        return asked
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in languages:
                return candidate
    return settings.LANGUAGE_CODE


def in_request_language(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapped


patterns, app_name, namespace = api.urls
for pattern in patterns:
    pattern.callback = not_a_page_view(in_request_language(pattern.callback))
urlpatterns = patterns
