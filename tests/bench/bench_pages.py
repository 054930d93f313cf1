"""Server time and queries per page, in-process (no network), on a demo database.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate && \\
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py load_demo && \\
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python tests/bench/bench_pages.py [--requests 50]

Prints, per URL, the median and 90th-percentile time of a full request through
Django's middleware stack, and the number of SQL queries of a warm request.
Targets (DESIGN.md): home and standard pages <= 30 ms, product page <= 25 ms,
shop listing <= 35 ms, basket <= 30 ms, a booking slot step <= 30 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "False")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("STATS_ENABLED", "False")


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from wagtail.models import Locale

    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    def url_of(model_label, language="de"):
        from django.apps import apps

        model = apps.get_model(model_label)
        page = model.objects.live().filter(locale=Locale.objects.get(language_code=language)).first()
        return page.url if page else None

    urls = {
        "home": "/de/",
        "standard page": url_of("pages.StandardPage"),
        "shop listing": url_of("shop.ShopPage"),
        "product page": url_of("shop.ProductPage"),
        "basket": "/de/shop/basket/",
        "booking first step": url_of("booking.BookingPage"),
    }
    client = Client()
    print(f"{'page':<22}{'url':<40}{'median ms':>10}{'p90 ms':>9}{'queries':>9}")
    for name, url in urls.items():
        if not url:
            print(f"{name:<22}(no such page in the demo)")  # noqa: T201
            continue
        for _ in range(3):
            client.get(url)  # warm caches
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            status = client.get(url).status_code
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(f"{name:<22}{url:<40}{statistics.median(timings):>10.1f}{p90:>9.1f}{len(queries):>9}  (HTTP {status})")


if __name__ == "__main__":
    main()
