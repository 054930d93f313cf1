"""Order and revenue figures for the Wagtail dashboard (cached aggregates)."""

from datetime import timedelta
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from .order_status import PAID_FOR, PENDING, REFUNDED

Order = get_model("order", "Order")

CACHE_KEY = "shop:dashboard-stats"
CACHE_SECONDS = 300


def compute_stats(now=None):
    now = now or timezone.now()
    since_7 = now - timedelta(days=7)
    since_30 = now - timedelta(days=30)
    paid = Q(status__in=PAID_FOR)
    row = Order.objects.aggregate(
        orders=Count("id"),
        orders_7=Count("id", filter=Q(date_placed__gte=since_7)),
        orders_30=Count("id", filter=Q(date_placed__gte=since_30)),
        revenue=Sum("total_incl_tax", filter=paid),
        revenue_7=Sum("total_incl_tax", filter=paid & Q(date_placed__gte=since_7)),
        revenue_30=Sum("total_incl_tax", filter=paid & Q(date_placed__gte=since_30)),
        pending=Count("id", filter=Q(status=PENDING)),
        refunded=Count("id", filter=Q(status=REFUNDED)),
    )
    for key in ("revenue", "revenue_7", "revenue_30"):
        row[key] = row[key] or Decimal("0.00")
    return row


def cached_stats():
    stats = cache.get(CACHE_KEY)
    if stats is None:
        stats = compute_stats()
        cache.set(CACHE_KEY, stats, CACHE_SECONDS)
    return stats


def invalidate(*args, **kwargs):
    cache.delete(CACHE_KEY)
