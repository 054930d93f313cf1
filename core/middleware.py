import math

from django.conf import settings
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import SiteSettings

# Paths that keep working during maintenance: staff must be able to sign in and
# switch it off; monitoring must not be lost. Other views say so with `maintenance_exempt`
# (e.g. payment callbacks).
MAINTENANCE_EXEMPT_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/health/", "/i18n/")


def maintenance_exempt(view):
    """A view that keeps working in maintenance mode (a callback that must not be lost)."""
    view.maintenance_exempt = True
    return view


def error_answer(answer):
    """A view whose errors have a format of its own (the API's JSON): the errors these middlewares
    answer before the view runs (maintenance 503, a NUL or an unreadable form 400) are built by
    `answer(request, status, code, message)`, `message` an untranslated msgid, instead of the page."""

    def declare(view):
        view.error_answer = answer
        return view

    return declare


def _resolved_view(request):
    try:
        return resolve(request.path_info, getattr(request, "urlconf", None)).func
    except Resolver404:
        return None


def _exempt_view(request):
    return getattr(_resolved_view(request), "maintenance_exempt", False)


class MaintenanceModeMiddleware:
    """Site settings → "maintenance mode": everyone but signed-in staff gets a
    localized 503 page. Must come after LocaleMiddleware and AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._applies(request):
            message = gettext_noop("We are updating the site. Please come back in a few minutes.")
            answer = getattr(_resolved_view(request), "error_answer", None)
            if answer is not None:
                response = answer(request, 503, "maintenance", message)
            else:
                response = TemplateResponse(request, "maintenance.html", {"message": _(message)}, status=503).render()
            response["Retry-After"] = "600"
            patch_cache_control(response, no_cache=True, no_store=True)
            return response
        return self.get_response(request)

    def _applies(self, request):
        if request.path.startswith(MAINTENANCE_EXEMPT_PREFIXES):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            return False
        return SiteSettings.for_request(request).maintenance_mode and not _exempt_view(request)


class BannerScheduleCacheMiddleware:
    """Keep page caches from freezing banner schedules.

    While rendering, the banner tag records when the next banner starts or ends
    (request.banner_next_change). If the response is cacheable (it declares
    max-age, or Django's cache middleware would cache it for
    CACHE_MIDDLEWARE_SECONDS), its lifetime is capped to that moment, so any
    cache that honours Cache-Control (Django's cache middleware, nginx, a CDN)
    refetches the page exactly when the banner set changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        next_change = getattr(request, "banner_next_change", None)
        if next_change is None:
            return response
        seconds_left = max(0, math.ceil((next_change - timezone.now()).total_seconds()))
        current = _max_age(response)
        if current is None:
            current = settings.CACHE_MIDDLEWARE_SECONDS
        if seconds_left < current:
            patch_cache_control(response, max_age=seconds_left)
        return response


def _max_age(response):
    for part in response.get("Cache-Control", "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name == "max-age" and value.isdigit():
            return int(value)
    return None


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


NUL_IN_REQUEST = gettext_noop("Bad request: the address, a form field or a cookie contains a NUL character.")
UNREADABLE_FORM = gettext_noop("Bad request: the form data cannot be read.")
UNSPECIFIED_BAD_REQUEST = gettext_noop(
    "Bad request: this page cannot process what was sent (a form without its fields, or data in a format "
    "the page does not accept)."
)


def bad_request_text(request, message):
    """`message` in the language of the request's address (the page language), as a 400's body."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return _(message)


def bad_request(request, exception=None):
    """handler400 (a SuspiciousOperation or BadRequest raised by a view): the reason in the page language,
    not Django's bare "Bad Request (400)"."""
    return HttpResponseBadRequest(
        bad_request_text(request, UNSPECIFIED_BAD_REQUEST), content_type="text/plain; charset=utf-8"
    )


class ExplainBadRequestMiddleware:
    """Every 400 says why: a view that answers 400 with an empty body (Oscar's sign-in page for a post
    without its submit button, …) gets the general reason in the page language instead of a blank page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 400 and not response.streaming and not response.content:
            response.content = bad_request_text(request, UNSPECIFIED_BAD_REQUEST).encode()
            response["Content-Type"] = "text/plain; charset=utf-8"
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


class RejectNulMiddleware:
    """A NUL character has no meaning in any address, form value, cookie or header we
    read, and PostgreSQL refuses to store or compare it (a 500 deep inside a view).
    Answer 400 with the reason before anything touches the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            has_nul = self._has_nul(request)
        except (MultiPartParserError, BadRequest):
            # A form body that cannot be parsed (multipart without boundary, not UTF-8): say so
            # here; left to the view, Django's debug page re-reads the body and answers 500.
            return self._bad_request(request, UNREADABLE_FORM)
        if has_nul:
            return self._bad_request(request, NUL_IN_REQUEST)
        return self.get_response(request)

    @staticmethod
    def _bad_request(request, message):
        answer = getattr(_resolved_view(request), "error_answer", None)
        if answer is not None:
            return answer(request, 400, "bad_request", message)
        return HttpResponseBadRequest(bad_request_text(request, message), content_type="text/plain; charset=utf-8")

    @staticmethod
    def _has_nul(request):
        def in_pairs(pairs):
            return any("\x00" in key or any("\x00" in value for value in values) for key, values in pairs)

        if "\x00" in request.path or in_pairs(request.GET.lists()):
            return True
        if in_pairs((key, [value]) for key, value in request.COOKIES.items()):
            return True
        if any("\x00" in str(value) for name, value in request.META.items() if name.startswith("HTTP_")):
            return True
        return (
            request.method == "POST" and request.content_type in FORM_CONTENT_TYPES and in_pairs(request.POST.lists())
        )


# A template's `request.GET.items` looks the key "items" up before the method: Oscar's
# product and category lists iterate over it, so `?items=x` answered 500.
QUERYDICT_METHODS = frozenset(name for name in dir(QueryDict) if not name.startswith("_"))


class ShadowingParameterMiddleware:
    """Query parameters named like a QueryDict method (items, urlencode, lists, keys …)
    shadow that method in every template that reads `request.GET.<method>`. No view
    of ours or of Wagtail, Oscar or Django reads such a parameter: they are dropped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not QUERYDICT_METHODS.isdisjoint(request.GET):
            query = request.GET.copy()
            for name in QUERYDICT_METHODS.intersection(query):
                del query[name]
            query._mutable = False
            request.GET = query
        return self.get_response(request)


class MalformedIdMiddleware:
    """An id from the URL or the query string that the database cannot read ("/history/abc/…"
    where a number belongs, `?id=abc` or a number beyond any database integer in a chooser)
    means "no such object": 404, not 500. Django raises ValueError (or ValidationError for
    UUIDs) from the lookup, SQLite an OverflowError; some third-party admin views pass
    `<str:pk>` or `?id=` straight to the ORM. Likewise a query value that names no route
    or does not fit one (Wagtail's link choosers reverse `?parent_page_id=x`, its login
    page resolves `?next=word` as a URL name): NoReverseMatch. Only errors naming a value
    of this request are mapped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.resolver_match is None:
            return None
        match = request.resolver_match
        values = [str(value) for value in [*match.args, *match.kwargs.values()]]
        values += [value for key in request.GET for value in request.GET.getlist(key)]
        if isinstance(exception, OverflowError):
            if "too large to convert" in str(exception) and any(_beyond_int64(value) for value in values):
                raise Http404(_("No such object: the address contains an invalid id."))
            return None
        if not isinstance(exception, ValueError | ValidationError | NoReverseMatch):
            return None
        text = str(exception)
        known = ("expected a number but got", "is not a valid UUID", "Reverse for")
        if not any(phrase in text for phrase in known):
            return None
        if any(repr(value) in text or f"'{value}'" in text or f"“{value}”" in text for value in values):
            raise Http404(_("No such object: the address contains an invalid id."))
        return None


def _beyond_int64(value):
    value = value.strip()
    return value.lstrip("-").isdigit() and value.isascii() and not -(2**63) <= int(value) < 2**63


class CookiePolicyMiddleware:
    """Every cookie the site sets (Oscar's basket and recently-viewed cookies, the
    language cookie, anything else) has SameSite=Lax unless it says otherwise, and
    Secure wherever the session cookie is Secure (production). Listed near the top
    of MIDDLEWARE so it sees the cookies set by every later middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        secure = settings.SESSION_COOKIE_SECURE
        for morsel in response.cookies.values():
            if not morsel["samesite"]:
                morsel["samesite"] = "Lax"
            if secure:
                morsel["secure"] = True
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 a view answered itself stands: Django redirects every
    unprefixed 404 to the language-prefixed path when that resolves (always, under Wagtail's
    catch-all), which turned the API's JSON 404 (/api/v1/…) into a redirect to a page.
    Only an address that resolved to no view is redirected."""

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            return patch_vary_language(response)
        return super().process_response(request, response)


def patch_vary_language(response):
    patch_vary_headers(response, ("Accept-Language",))
    response.headers.setdefault("Content-Language", translation.get_language())
    return response
