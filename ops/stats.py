"""Aggregation of page views: plain functions over plain rows (no ORM, no HTTP),
so the dashboard panels, the statistics view and the CSV export share one logic.

Unique visitors are counted per day (the visitor hash changes every day by
design); a period's "visitors" is the sum of its daily unique visitors.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from .csv_safety import safe_cell


@dataclass(frozen=True)
class DayStat:
    day: date
    views: int
    visitors: int


@dataclass(frozen=True)
class Totals:
    views: int
    visitors: int


def days_between(start, end):
    """Every date from start to end, both included (empty when start > end)."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def fill_days(rows, start, end):
    """rows: iterable of (day, views, visitors); returns one DayStat per day in
    [start, end], zeros where nothing was logged, rows outside the range ignored."""
    by_day = {}
    for day, views, visitors in rows:
        if start <= day <= end:
            prev = by_day.get(day, (0, 0))
            by_day[day] = (prev[0] + views, prev[1] + visitors)
    return [DayStat(d, *by_day.get(d, (0, 0))) for d in days_between(start, end)]


def totals(series):
    return Totals(sum(s.views for s in series), sum(s.visitors for s in series))


def last_days(series, today, days):
    """The part of a daily series covering the `days` days ending with `today`."""
    first = today - timedelta(days=days - 1)
    return [s for s in series if first <= s.day <= today]


def chart_bars(series, width=600, height=120, gap=2):
    """Geometry for an inline SVG bar chart of daily visitors (views as the faint bar)."""
    if not series:
        return {"bars": [], "width": width, "height": height, "max": 0}
    peak = max(max(s.views for s in series), 1)
    step = width / len(series)
    bar = max(step - gap, 1)
    bars = []
    for i, s in enumerate(series):
        views_h = round(height * s.views / peak, 1)
        visitors_h = round(height * s.visitors / peak, 1)
        bars.append(
            {
                "x": round(i * step, 1),
                "width": round(bar, 1),
                "views_y": round(height - views_h, 1),
                "views_h": views_h,
                "visitors_y": round(height - visitors_h, 1),
                "visitors_h": visitors_h,
                "stat": s,
            }
        )
    return {"bars": bars, "width": width, "height": height, "max": peak}


def top_pages(rows, limit=10):
    """rows: iterable of (path, views, visitors); the `limit` most viewed, ties by path."""
    merged = {}
    for path, views, visitors in rows:
        v, u = merged.get(path, (0, 0))
        merged[path] = (v + views, u + visitors)
    ordered = sorted(merged.items(), key=lambda item: (-item[1][0], item[0]))
    return [(path, views, visitors) for path, (views, visitors) in ordered[:limit]]


def csv_text(series, pages, referrers=()):
    """The statistics export: a daily table, then top pages, then referrers."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "views", "visitors"])
    for s in series:
        writer.writerow([s.day.isoformat(), s.views, s.visitors])
    writer.writerow([])
    writer.writerow(["path", "views", "visitors"])
    for path, views, visitors in pages:
        writer.writerow([safe_cell(path), views, visitors])
    if referrers:
        writer.writerow([])
        writer.writerow(["referrer", "views"])
        for domain, views in referrers:
            writer.writerow([safe_cell(domain), views])
    return out.getvalue()
