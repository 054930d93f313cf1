"""Walk every URL the product serves with hostile input; nothing may answer 5xx.

What is walked comes from the product itself, not from a hand list:
- the demo's page tree: one live page of every page type in each of the four
  languages, and every route of the routable pages (booking steps up to the details
  form, done/manage links with unknown tokens, my bookings, the shop listing);
- every URL pattern of the resolver outside the Wagtail page catch-all (Oscar's shop
  front, search, ops endpoints, health, sitemap, og images …), path arguments filled
  in as unknown ids, numbers larger than any database integer and long strings;
- the Wagtail admin as a signed-in editor: every view it serves (ours, snippets,
  choosers, reports, the booking calendar, the ops dashboard and statistics, images,
  documents, users, locales, translations …) with unknown ids, plus the explorer, the
  edit views of real pages and snippets, and Oscar's dashboard views that take no id;
- Django's admin as a superuser: every changelist with hostile search, ordering, page,
  filter and preserved-filter values, every add view, and change, delete and history
  views with unknown, non-numeric and too large ids.

Which query parameters and form fields a view reads is recorded while it runs (a
QueryDict that notes every key asked for), and every form on a rendered page is
found in its HTML. Each parameter our views read gets every value of CORPUS (the
others keeping valid values, so gated parameters such as the wizard's date are
reached); the views of Wagtail, Oscar and Django's admin get the short corpus rotated
over all their parameters at once (Django's ChangeList reads its parameters with
items(), unrecorded: its keys are named, its filters taken from the links it renders);
each distinct form gets every value in every field. Nothing may answer 5xx; a 4xx must
say why (a body, or the Allow header of a 405); a NUL is a 400 naming it. Nothing is
excused. The summary printed (-s) gives requests and CPU per part and the costliest
paths: the walk must stay well under two minutes on SQLite in one process.
"""

import re
import time
import traceback
from collections import defaultdict
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import time_machine
from django.apps import apps
from django.contrib import admin as django_admin
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from booking.models import Service
from tests.project_apps import PROJECT_APPS

NOW = "2030-06-01T12:00:00+00:00"  # a Saturday; the demo's bookings are made relative to it

CORPUS = [
    "9999-12-31",  # dates out of range (OverflowError in date arithmetic)
    "0001-01-01",
    "9999-12",
    "99991231T2359Z",
    "12\" mirror'",  # unbalanced quotes (SQLite FTS5, tsquery)
    "99999999999999999999",  # larger than any database integer
    "-1",
    "x" * 10_000,
    "[]",  # wrong type
    "987654",  # an id that does not exist
]
# Views of Wagtail and Oscar get the values that broke our own views, all parameters at once.
SHORT = [CORPUS[0], CORPUS[4], CORPUS[5], CORPUS[6], CORPUS[7], CORPUS[8]]
# What Django's ChangeList reads besides its filters: search, ordering, page, show all, the
# error flag, the filters kept across a change, the popup's field and the facets switch.
CHANGELIST_KEYS = ["q", "o", "p", "all", "e", "_changelist_filters", "_to_field", "_popup", "_facets"]
NUL = "a\x00b"
PATH_ARGS = ["987654", "99999999999999999999"]  # an unknown id, a number larger than any database integer

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
SKIP_NAMES = re.compile(r"logout|delete|remove|bulk|unpublish|revisions_revert|lock|unlock|convert_alias|move|copy")
OUR_APPS = (*PROJECT_APPS, "config")


# --- recording what a view reads ---------------------------------------------------------

READS = defaultdict(list)


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes, in order, every key a view asks for."""

    recorded_path = None

    def __copy__(self):
        result = super().__copy__()
        result.recorded_path = self.recorded_path
        return result

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.recorded_path = self.recorded_path
        return result

    def _note(self, key):
        if self.recorded_path is None:
            return
        reads = READS[self.recorded_path]
        if isinstance(key, str) and key not in reads:
            reads.append(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)


def recording(path, data):
    copy = RecordingQueryDict(mutable=True)
    copy.recorded_path = path
    for key, values in data.lists():
        copy.setlist(key, values)
    copy._mutable = False
    return copy


class RecordReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = recording(request.path, request.GET)
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            request.POST = recording(request.path, request.POST)
        return self.get_response(request)


# --- forms in rendered pages ----------------------------------------------------------------


class FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower(), "fields": {}}
            )
        elif self.forms and tag in ("input", "textarea", "select", "button") and attrs.get("name"):
            kind = (attrs.get("type") or tag).lower()
            if kind in ("file", "image", "reset"):
                return
            field = self.forms[-1]["fields"].setdefault(attrs["name"], {"type": kind, "value": attrs.get("value", "")})
            if tag == "select":
                self._select = field
        elif tag == "option" and self._select is not None and not self._select["value"]:
            self._select["value"] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def forms_in(html):
    parser = FormParser()
    parser.feed(html)
    return parser.forms


# --- URL enumeration ----------------------------------------------------------------------


def _fill_route(route, variants=PATH_ARGS):
    """A RoutePattern ("basket/add/<int:pk>/") → [URL path] with each argument filled in."""
    names = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not names:
        return [route]
    urls = []
    for value in variants:
        url = route
        for converter, _name in names:
            sample = value
            if converter not in ("int", "uuid"):
                sample = "unknown" if value == PATH_ARGS[0] else "x" * 300
            if converter == "uuid":
                sample = "00000000-0000-0000-0000-000000000000"
            url = re.sub(r"<(?:\w+:)?\w+>", sample, url, count=1)
        urls.append(url)
    return list(dict.fromkeys(urls))


def _fill_regex(regex):
    """A RegexPattern ("^(?P<slug>[\\w-]*)_(?P<pk>\\d+)/$") → one URL path, or [] if too clever."""
    out, i = [], 0
    regex = regex.lstrip("^").rstrip("$")
    while i < len(regex):
        if regex.startswith("(?P<", i):
            depth, j = 0, i
            while j < len(regex):
                depth += {"(": 1, ")": -1}.get(regex[j], 0) if regex[j - 1] != "\\" else 0
                if depth == 0:
                    break
                j += 1
            out.append("987654" if "\\d" in regex[i : j + 1] else "unknown")
            i = j + 1
        elif regex[i] == "\\" and i + 1 < len(regex):
            out.append(regex[i + 1])
            i += 2
        elif regex[i] in "()[]*+?|{}":
            return []
        else:
            out.append(regex[i])
            i += 1
    return ["".join(out)]


def resolver_urls():
    """(url, name, module) for every pattern outside the page catch-all."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, prefix + [str(pattern.pattern)], ns)
                continue
            if not isinstance(pattern, URLPattern):
                continue
            name = ":".join(filter(None, [namespace, pattern.name or ""]))
            module = getattr(pattern.callback, "__module__", "") or ""
            if module.startswith("wagtail.views") and "serve" in getattr(pattern.callback, "__name__", ""):
                continue  # the page tree is walked from the pages themselves
            parts = [[]]
            for piece in [*prefix, str(pattern.pattern)]:
                filled = _fill_regex(piece) if piece.startswith("^") or "(?P<" in piece else _fill_route(piece)
                parts = [p + [f] for p in parts for f in filled]
            for pieces in parts:
                found.append(("/" + "".join(pieces), name, module, pattern.callback))

    walk(get_resolver().url_patterns, [], "")
    checked = []
    for url, name, module, callback in found:
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            continue
        if match.func is callback or getattr(match.func, "view_class", 1) is getattr(callback, "view_class", 2):
            checked.append((url, name, module))
    return checked


def is_ours(module):
    return module.split(".")[0] in OUR_APPS


# Admin views a GET must not reach even with unknown ids: signing out, Wagtail's
# deliberate error page, and the snippet views of Wagtail's and Oscar's own models.
ADMIN_UNSAFE = re.compile(r"logout|error_test|test404|^wagtailsnippets_(wagtail|oscar)")


def has_unknown_id(url):
    return PATH_ARGS[0] in url or "unknown" in url


def admin_selected(url, name, module):
    if "/shop/dashboard/" in url:  # Oscar's dashboard (products are created there): its views without ids
        return not has_unknown_id(url) and not SKIP_NAMES.search(name) and not SKIP_NAMES.search(url)
    if not url.startswith("/admin/"):
        return is_ours(module) and "/ops/" in url and not SKIP_NAMES.search(name)  # the privacy pages, signed in
    # Every Wagtail admin view; with unknown ids even deleting, copying or moving finds nothing.
    return not ADMIN_UNSAFE.search(name) and not ADMIN_UNSAFE.search(url)


def public_selected(url, name, module):
    if url.startswith(("/admin/", "/django-admin/")) or SKIP_NAMES.search(name) or "/dashboard/" in url:
        return False
    return True


# --- the walk ----------------------------------------------------------------------------------


class Walk:
    def __init__(self, client):
        self.client = client
        self.requests = 0
        self.failures = []
        self.failure_kinds = set()
        self.cost = defaultdict(float)  # CPU seconds per path, to keep the walk fast
        self.unclear = []
        self.urls = set()
        self.params = set()
        self.fields = set()
        self.forms_done = set()
        self._exception = None
        got_request_exception.connect(self._on_exception)

    def _on_exception(self, sender, request=None, **kwargs):
        self._exception = "\n".join(line[:300] for line in traceback.format_exc(limit=-3).splitlines())

    def request(self, method, url, data=None):
        self._exception = None
        self.requests += 1
        cpu = time.process_time()
        if method == "get":
            response = self.client.get(url, data)
        else:
            response = self.client.post(url, data or {})
        self.cost[urlsplit(url).path] += time.process_time() - cpu
        label = f"{method.upper()} {url[:160]} {str(data)[:200] if data else ''}"
        if response.status_code >= 500:
            error = (self._exception or "").strip().splitlines()[-1:] or [""]
            kind = (urlsplit(url).path, error[0][:120])
            if kind not in self.failure_kinds:  # one report per view and error
                self.failure_kinds.add(kind)
                self.failures.append(f"{response.status_code} {label}\n{self._exception or ''}")
        elif response.status_code == 405:
            if not response.get("Allow"):  # the Allow header is the reason
                self.unclear.append(f"405 without an Allow header: {label}")
        elif response.status_code in (400, 404, 409, 422) and not response.content.strip():
            self.unclear.append(f"{response.status_code} without a reason: {label}")
        return response

    def baseline(self, url, seed=None):
        """GET with valid (seed) parameters; returns the keys the view read and the page's forms."""
        path = urlsplit(url).path
        READS.pop(path, None)
        response = self.request("get", url, seed)
        self.urls.add(path)
        forms = []
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            forms = forms_in(response.content.decode(errors="replace"))
        return list(READS.get(path, [])), forms, response

    def hostile_params(self, url, keys, seed=None, per_key=False, rotations=3, nul=True):
        """per_key: each read key gets every value while the others keep their valid seed value.
        Otherwise all keys at once get values of the short corpus, rotated `rotations` times."""
        seed = dict(seed or {})
        path = urlsplit(url).path
        keys = list(dict.fromkeys(keys))
        self.params.update((path, key) for key in keys)
        if not keys:
            return
        if per_key:
            for key in keys:
                for value in CORPUS:
                    self.request("get", url, {**seed, key: value})
        else:
            # Rotate the short corpus over the keys: each key sees `rotations` different values.
            start = self.requests  # where the rotation starts moves on from view to view
            for shift in range(start, start + rotations):
                self.request("get", url, {**seed, **{k: SHORT[(shift + i) % len(SHORT)] for i, k in enumerate(keys)}})
        if nul:
            response = self.request("get", url, {**seed, keys[0]: NUL})
            assert response.status_code == 400 and b"NUL" in response.content, url

    def hostile_form(self, page_url, form):
        action = form["action"] or page_url
        if not action.startswith("/") or SKIP_NAMES.search(action):
            return
        fields = {name: field for name, field in form["fields"].items() if name != "csrfmiddlewaretoken"}
        try:
            view = resolve(urlsplit(action).path).func
        except Resolver404:
            return
        # Forms of one view are the same form (the feedback widget on every page, a contact
        # form whose field names are translated), walked once.
        key = (getattr(view, "__qualname__", repr(view)), form["method"], len(fields))
        if not fields or key in self.forms_done:
            return  # the same form on another page (the feedback widget, the search box …)
        self.forms_done.add(key)
        names = list(fields)
        self.fields.update((urlsplit(action).path, name) for name in names)
        valid = {name: field["value"] for name, field in fields.items()}
        # Rotate the corpus over the fields: every field sees every value, one request per value.
        for shift in range(len(CORPUS)):
            data = {name: CORPUS[(shift + i) % len(CORPUS)] for i, name in enumerate(names)}
            for name, field in fields.items():
                if field["type"] in ("hidden", "submit", "button"):
                    data[name] = valid[name] if shift % 2 else data[name]
            cache.clear()  # rate limits would answer 429 before the view reads anything
            self.request(form["method"], action, data)


def routable_urls(page):
    """Every route of a routable page, with path arguments as unknown tokens."""
    urls = []
    for pattern in page.get_subpage_urls():
        for filled in _fill_route(str(pattern.pattern)):
            urls.append(page.url + filled)
    return urls


@pytest.fixture
def walker(demo_site, admin_user, settings):
    settings.MIDDLEWARE = [f"{__name__}.RecordReadsMiddleware", *settings.MIDDLEWARE]
    settings.AXES_ENABLED = False  # hostile sign-ins would lock the test client out (429)
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield Walk(Client(raise_request_exception=False))


def test_no_url_answers_5xx_to_hostile_input(walker, admin_user):
    timings, mark = {}, [time.perf_counter(), time.process_time(), 0]

    def lap(name):  # wall and CPU seconds, requests of each part of the walk
        now = [time.perf_counter(), time.process_time(), walker.requests]
        timings[name] = [b - a for a, b in zip(mark, now, strict=True)]
        mark[:] = now

    walk = walker
    service = Service.objects.filter(locale__language_code="en", active=True).order_by("pk").first()
    # Valid choices up to the details step, so every wizard parameter is read.
    booking_seed = {"service": service.pk, "staff": "any", "date": "2030-06-03", "start": "20300603T0800Z"}

    # 1. The page tree: one page of each type in every language; every route of the routable
    #    ones; hostile values in the default language (the other languages run the same code).
    pages = list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))
    representatives = {}
    for page in pages:
        representatives.setdefault((type(page).__name__, page.locale.language_code), page)
    for (type_name, language), page in representatives.items():
        seed = booking_seed if type_name == "BookingPage" else None
        keys, forms, _response = walk.baseline(page.url, seed)
        for form in forms:
            walk.hostile_form(page.url, form)
        if language == "en":
            walk.hostile_params(page.url, keys, seed, per_key=True)
            if isinstance(page, RoutablePageMixin):
                for url in routable_urls(page):
                    if url != page.url:
                        walk.baseline(url)
    lap("pages")

    # 2. Everything else the resolver serves (shop, search, ops, health, sitemap, og images …).
    with translation.override("en"):
        patterns = resolver_urls()
    for url, _name, module in (p for p in patterns if public_selected(*p)):
        keys, forms, _response = walk.baseline(url)
        walk.hostile_params(url, keys, per_key=is_ours(module))
        for form in forms:
            if form["method"] == "post":
                walk.hostile_form(url, form)
    lap("public routes")

    # 3. The Wagtail admin as a signed-in editor.
    walk.client.force_login(admin_user)
    # One filling of path arguments is enough here (the public walk tried both).
    admin = [p for p in patterns if admin_selected(*p) and PATH_ARGS[1] not in p[0] and "x" * 300 not in p[0]]
    admin.append((f"/admin/pages/{pages[0].pk}/", "explore", ""))
    admin += [(f"/admin/pages/{page.pk}/edit/", "edit", "") for page in representatives.values() if page.locale_id == 1]
    for model in ("booking.service", "booking.staff", "core.banner", "pages.menu"):
        obj = apps.get_model(model).objects.first()
        if obj is not None:
            admin.append((f"/admin/snippets/{model.replace('.', '/')}/edit/{obj.pk}/", "snippet edit", ""))
    # Real objects for the choosers, explorer and image/document views.
    admin.append((f"/admin/choose-page/{pages[0].pk}/", "choose child", ""))
    for model, prefix in (("wagtailimages.image", "/admin/images/"), ("wagtaildocs.document", "/admin/documents/")):
        obj = apps.get_model(model).objects.first()
        if obj is not None:
            admin.append((f"{prefix}{'edit/' if 'doc' in model else ''}{obj.pk}/", "edit", ""))
    unknown_done = set()
    for url, _name, module in admin:
        if has_unknown_id(url) and not is_ours(module):
            # Wagtail's views of an object that does not exist: one GET per view class (the
            # snippet, user, site, locale … viewsets share them).
            view = resolve(urlsplit(url).path).func
            view_class = getattr(view, "view_class", view)
            if view_class not in unknown_done:
                unknown_done.add(view_class)
                walk.baseline(url)
            continue
        keys, forms, _response = walk.baseline(url)
        # Wagtail's own views: one rotation (their code is shared by many URLs); NUL is refused
        # by a middleware before any view, checked on our views.
        walk.hostile_params(url, keys, per_key=is_ours(module), rotations=1, nul=is_ours(module))
        if is_ours(module):
            for form in forms:
                if form["method"] == "post":
                    walk.hostile_form(url, form)
    lap("wagtail admin")

    # 4. Django's admin as a superuser (ChangeList reads request.GET.items(), unrecorded:
    #    its keys are named here, its filters found in the links of the page).
    for model in django_admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        keys, _forms, response = walk.baseline(changelist)
        filters = sorted(
            {
                key
                for href in re.findall(r'href="\?([^"#]*)"', response.content.decode())
                for key in QueryDict(unescape(href))
            }
            - set(CHANGELIST_KEYS)
        )
        walk.hostile_params(changelist, [*CHANGELIST_KEYS, *keys], rotations=2, nul=False)
        if filters:  # apart: an invalid filter value redirects before ordering and paging are read
            walk.hostile_params(changelist, filters, rotations=1, nul=False)
        add = reverse("admin:{}_{}_add".format(*info))  # initial values come from the query string
        walk.hostile_params(add, [field.name for field in model._meta.concrete_fields], rotations=1, nul=False)
        for view, object_id in (("change", "unknown"), ("change", PATH_ARGS[1]), ("delete", "unknown")):
            walk.baseline(reverse("admin:{}_{}_{}".format(*info, view), args=[object_id]))
        walk.baseline(reverse("admin:{}_{}_history".format(*info), args=[PATH_ARGS[0]]))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            walk.baseline(change)
            walk.hostile_params(change, ["_changelist_filters", "_to_field", "_popup"], rotations=1, nul=False)
    lap("django admin")

    print(
        f"\nhostile walk: {len(walk.urls)} URLs, {len(walk.params)} query parameters, "
        f"{len(walk.fields)} form fields, {walk.requests} requests; "
        + "; ".join(f"{name} {n} requests {wall:.1f} s (CPU {cpu:.1f} s)" for name, (wall, cpu, n) in timings.items())
        + f"; total CPU {sum(cpu for _wall, cpu, _n in timings.values()):.1f} s; costliest: "
        + ", ".join(f"{path} {cpu:.1f} s" for path, cpu in sorted(walk.cost.items(), key=lambda item: -item[1])[:8])
    )
    assert not walk.failures, "\n\n".join(walk.failures[:20])
    assert not walk.unclear, "\n".join(walk.unclear[:20])
