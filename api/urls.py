"""/api/v1/: the API's routes, each answering in the request's language (?lang=, else
Accept-Language; never the site's language cookie) and never counted as a page view."""

from functools import wraps

from django.conf import settings
from django.urls import re_path
from django.utils import translation
from django.utils.translation import gettext as _

from core.middleware import error_answer
from ops.visitors import not_a_page_view

from .endpoints import api, error_response


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


def json_errors(view):
    """Django's and django-ninja's own answers become the API's JSON errors: a method the route
    does not take (ninja's text/html 405) answers {"code": "method_not_allowed", …} with its Allow."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response.get("Allow", "")
            response = error_response(
                request,
                405,
                "method_not_allowed",
                _("This address does not accept %(method)s.") % {"method": request.method},
            )
            response["Allow"] = allowed
        return response

    return wrapped


def core_error(request, status, code, message):
    """What core's middlewares answer before the view (maintenance 503, a NUL or unreadable form 400):
    the API's JSON error in the request's language, not the HTML page or plain text."""
    with translation.override(request_language(request)):
        response = error_response(request, status, code, _(message))
    if status == 503:
        response["Retry-After"] = "600"
        response["Cache-Control"] = "no-cache, no-store"
    return response


def no_such_endpoint(request, path=""):
    """Any other address under /api/v1/: the JSON 404 (not Django's redirect to a language prefix)."""
    return error_response(request, 404, "not_found", _("Not found."))


def api_view(view):
    return error_answer(core_error)(not_a_page_view(in_request_language(json_errors(view))))


patterns, app_name, namespace = api.urls
for pattern in patterns:
    pattern.callback = api_view(pattern.callback)
urlpatterns = [*patterns, re_path(r"^(?P<path>.*)$", api_view(no_such_endpoint))]
