"""Demo visitor statistics: two weeks of made-up page views, so the dashboard's visitor
panel shows a chart and top pages on the first login (real views are added as usual)."""

import hashlib
from datetime import datetime, time, timedelta

from django.utils import timezone

from pages.demo import DemoContext, DemoLoader

from .models import PageView

# path, language, views on a quiet day (busier days scale this up)
DEMO_PATHS = [
    ("/de/", "de", 9),
    ("/en/", "en", 5),
    ("/de/produkte/", "de", 4),
    ("/de/leistungen/", "de", 3),
    ("/uk/", "uk", 3),
    ("/ru/", "ru", 2),
    ("/de/studio/buchen/", "de", 3),
    ("/en/contact/", "en", 1),
]
DAYS = 14


def load_page_views(ctx: DemoContext):
    if PageView.objects.exists():
        return
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    rows = []
    for offset in range(DAYS):
        day = today - timedelta(days=offset)
        busy = 1 + (day.weekday() in (4, 5)) + (offset % 3 == 0)  # Fridays/Saturdays and some days busier
        number = 0
        for path, language, base in DEMO_PATHS:
            for _view in range(base * busy):
                number += 1
                visitor = hashlib.sha256(f"demo-{day}-{number % 17}".encode()).hexdigest()[:16]
                at = timezone.make_aware(datetime.combine(day, time(9 + number % 11, number % 60)), tz)
                rows.append(
                    PageView(day=day, created_at=at, path=path, locale=language, referrer_domain="", visitor=visitor)
                )
    PageView.objects.bulk_create(rows, batch_size=500)
    ctx.log(f"Recorded {len(rows)} demo page views over {DAYS} days")


LOADERS = [DemoLoader(90, "visitor statistics", load_page_views)]
