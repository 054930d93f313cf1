"""Oscar's dashboard reads page numbers, page sizes and ids from the query string with
int() and hands them on unchecked: django-tables2 pages the product, category, user,
option and attribute tables with any `per_page` (a negative one answered 500, a huge
one overflowed SQLite's LIMIT), the lists of orders, offers, vouchers, ranges, reviews,
pages and partners answered a bare 404 to `?page=x`, and the product lookup passes
`page`, `page_limit` and `initial` to int() and the ORM.

These adapters let only sane values through; anything else falls back to the default
(the first page, the default page size, no initial choice), as an unknown `sort`
already does."""

from django.http import QueryDict
from oscar.apps.dashboard.catalogue import views as catalogue_views

from core.parsing import parse_int

# The pagination parameters of every dashboard view (tables, ListViews, select2 lookups).
LIMITS = {"page": 2**31 - 1, "per_page": 500, "page_limit": 500}
MAX_INITIAL_IDS = 100


def sane_pagination(query: QueryDict) -> QueryDict:
    """`query` without page numbers and sizes that are not whole numbers in [1, limit]
    ("last" stays: Django's ListView knows it)."""
    bad = [
        name
        for name, limit in LIMITS.items()
        if name in query and query[name] != "last" and parse_int(query[name], minimum=1, maximum=limit) is None
    ]
    if not bad:
        return query
    query = query.copy()
    for name in bad:
        del query[name]
    query._mutable = False
    return query


class DashboardPaginationMiddleware:
    """Applies sane_pagination() to every view of Oscar's dashboard (URL namespace
    "dashboard"): one place instead of a fork of each dashboard app."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "dashboard" in request.resolver_match.namespaces:
            request.GET = sane_pagination(request.GET)


class ProductLookupView(catalogue_views.ProductLookupView):
    """Oscar's product lookup (select2 in the dashboard) with `initial` read as a list of
    valid ids: an unknown or malformed one is just not among the results."""

    def initial_filter(self, qs, value):
        ids = [parse_int(part, minimum=1) for part in value.split(",")[:MAX_INITIAL_IDS]]
        return qs.filter(pk__in=[pk for pk in ids if pk is not None])
