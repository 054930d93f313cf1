"""Database side of the statistics: GROUP BY queries feeding ops.stats, cached."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from . import stats
from .models import PageView

CACHE_SECONDS = 300


def daily_rows(start, end):
    qs = (
        PageView.objects.filter(day__gte=start, day__lte=end)
        .values("day")
        .annotate(views=Count("id"), visitors=Count("visitor", distinct=True))
        .values_list("day", "views", "visitors")
    )
    return list(qs)


def page_rows(start, end):
    return list(
        PageView.objects.filter(day__gte=start, day__lte=end)
        .values("path", "day")
        .annotate(views=Count("id"), visitors=Count("visitor", distinct=True))
        .values_list("path", "views", "visitors")
    )


def referrer_rows(start, end, limit=10):
    return list(
        PageView.objects.filter(day__gte=start, day__lte=end)
        .exclude(referrer_domain="")
        .values("referrer_domain")
        .annotate(views=Count("id"))
        .order_by("-views", "referrer_domain")
        .values_list("referrer_domain", "views")[:limit]
    )


def report(start, end, pages_limit=10):
    """Everything the statistics view shows for [start, end]."""
    series = stats.fill_days(daily_rows(start, end), start, end)
    return {
        "series": series,
        "totals": stats.totals(series),
        "pages": stats.top_pages(page_rows(start, end), pages_limit),
        "referrers": referrer_rows(start, end),
    }


def dashboard_summary(today=None):
    """Visitors today / 7 / 30 days, the 30-day series and the top pages; cached five minutes."""
    today = today or timezone.localdate()
    key = f"ops:stats:dashboard:{today.isoformat()}"
    data = cache.get(key)
    if data is None:
        start = today - timedelta(days=29)
        series = stats.fill_days(daily_rows(start, today), start, today)
        data = {
            "today": stats.totals(stats.last_days(series, today, 1)),
            "week": stats.totals(stats.last_days(series, today, 7)),
            "month": stats.totals(series),
            "series": series,
            "pages": stats.top_pages(page_rows(today - timedelta(days=6), today), 5),
        }
        cache.set(key, data, CACHE_SECONDS)
    return data
