"""Oscar's dashboard reads page numbers, page sizes and ids from the query string with
int() and hands them on unchecked: django-tables2 pages the product, category, user,
option and attribute tables with any `per_page` (a negative one answered 500, a huge
one overflowed SQLite's LIMIT), the lists of orders, offers, vouchers, ranges, reviews,
pages and partners answered a bare 404 to `?page=x`, the product lookup passes `page`,
`page_limit` and `initial` to int() and the ORM, and the bulk actions pass posted ids to
the ORM and the review status to int().

These adapters let only sane values through; anything else falls back to the default
(the first page, the default page size, no initial choice), as an unknown `sort`
already does."""

from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.dashboard.reviews import views as reviews_views
from oscar.core.loading import get_model
from oscar.views.generic import BulkEditMixin

from core.parsing import parse_int

ProductReview = get_model("reviews", "ProductReview")

# The pagination parameters of every dashboard view (tables, ListViews, select2 lookups).
LIMITS = {"page": 2**31 - 1, "per_page": 500, "page_limit": 500}
MAX_INITIAL_IDS = 100


def sane_pagination(query: QueryDict) -> QueryDict:
    """`query` without page numbers and sizes that are not whole numbers in [1, limit]
    ("last" stays: Django's ListView knows it), and with only the readable ids of the
    product lookup's `initial` (a comma-separated list of ids)."""
    bad = [
        name
        for name, limit in LIMITS.items()
        if name in query and query[name] != "last" and parse_int(query[name], minimum=1, maximum=limit) is None
    ]
    initial = query.get("initial")
    if initial is not None:
        ids = [part for part in initial.split(",")[:MAX_INITIAL_IDS] if parse_int(part, minimum=1) is not None]
        initial = ",".join(ids) if ",".join(ids) != initial else None
    if not bad and initial is None:
        return query
    query = query.copy()
    for name in bad:
        del query[name]
    if initial is not None:
        query["initial"] = initial  # empty: no initial choice
    query._mutable = False
    return query


class DashboardPaginationMiddleware:
    """Applies sane_pagination() to every view of Oscar's dashboard (URL namespace
    "dashboard"): one place instead of a fork of each dashboard app (the product lookup
    is the only view that reads `initial`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "dashboard" in request.resolver_match.namespaces:
            request.GET = sane_pagination(request.GET)


def guard_bulk_edits():
    """Oscar's bulk actions (orders, users, reviews, categories, range products) pass the
    posted `selected_<object>` ids straight to the ORM: one that is not an id answered 500.
    Such ids are left out: the action applies to the readable ones, or answers Oscar's own
    "You need to select some …" when none is left. Called once from ShopConfig.ready()."""
    original = BulkEditMixin.get_selected_ids
    if getattr(original, "readable_ids_only", False):
        return

    def get_selected_ids(self, request):
        name = f"selected_{self.get_checkbox_object_name()}"
        posted = request.POST.getlist(name)
        readable = [value for value in posted if parse_int(value, minimum=1, maximum=2**63 - 1) is not None]
        if readable != posted:
            request.POST = request.POST.copy()
            request.POST.setlist(name, readable)
        return original(self, request)

    get_selected_ids.readable_ids_only = True
    BulkEditMixin.get_selected_ids = get_selected_ids


class ReviewListView(reviews_views.ReviewListView):
    """Oscar's review list, whose bulk status change passed `status` to int() and saved any
    number: a status that is not one of the review statuses changes nothing and says so."""

    def update_selected_review_status(self, request, reviews):
        status = parse_int(request.POST.get("status"))
        if status not in dict(ProductReview.STATUS_CHOICES):
            messages.error(request, _("The new status '%s' is not valid") % request.POST.get("status", "")[:40])
            return HttpResponseRedirect(reverse("dashboard:reviews-list"))
        return super().update_selected_review_status(request, reviews)
