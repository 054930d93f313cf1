from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ops import recorder
from ops.models import DailySalt, PageView

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture(autouse=True)
def fresh_salts():
    recorder.forget_salts()
    yield
    recorder.forget_salts()


def visit(client, path, agent=CHROME, ip="203.0.113.7", **headers):
    return client.get(path, HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **headers)


def test_public_page_view_is_logged_without_ip(client, home_page):
    response = visit(client, "/en/?utm_source=newsletter", HTTP_REFERER="https://www.google.com/search?q=x")
    assert response.status_code == 200
    view = PageView.objects.get()
    assert (view.path, view.locale, view.referrer_domain) == ("/en/", "en", "google.com")
    assert view.day == timezone.localdate()
    stored = " ".join(str(v) for v in PageView.objects.values_list().get())
    assert "203.0.113.7" not in stored and "Chrome" not in stored
    assert "Set-Cookie" not in response.headers or "sessionid" not in response.headers["Set-Cookie"]


def test_unique_visitors_per_day(client, home_page):
    visit(client, "/en/")
    visit(client, "/en/")
    visit(client, "/en/", ip="198.51.100.4")
    visit(client, "/en/", agent=FIREFOX)
    assert PageView.objects.count() == 4
    assert PageView.objects.values("visitor").distinct().count() == 3


def test_the_same_visitor_gets_a_new_hash_the_next_day(client, home_page, time_machine):
    time_machine.move_to(timezone.now().replace(hour=12))
    visit(client, "/en/")
    time_machine.shift(timedelta(days=1))
    visit(client, "/en/")
    first, second = PageView.objects.order_by("created_at")
    assert first.day != second.day and first.visitor != second.visitor


@pytest.mark.parametrize(
    "path,agent,headers",
    [
        ("/en/", "Googlebot/2.1 (+http://www.google.com/bot.html)", {}),
        ("/en/", "", {}),
        ("/en/", CHROME, {"HTTP_HX_REQUEST": "true"}),
        ("/en/", CHROME, {"HTTP_SEC_PURPOSE": "prefetch"}),
        ("/health/", CHROME, {}),
        ("/admin/login/", CHROME, {}),
        ("/en/no-such-page/", CHROME, {}),
    ],
)
def test_not_counted(client, home_page, path, agent, headers):
    visit(client, path, agent=agent, **headers)
    assert PageView.objects.count() == 0


def test_views_that_say_so_are_not_counted(client, home_page, admin_user):
    # Oscar's dashboard declares itself no page view (shop/oscar_apps.py), under any language prefix.
    client.force_login(admin_user)
    for path in ("/en/shop/dashboard/", "/de/shop/dashboard/"):
        response = visit(client, path)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert PageView.objects.count() == 0
    visit(client, "/en/")
    assert PageView.objects.count() == 1


def test_posts_are_not_page_views(client, home_page):
    client.post("/en/", HTTP_USER_AGENT=CHROME)
    assert PageView.objects.count() == 0


def test_prune_command_keeps_the_retention_period(home_page, settings):
    settings.OPS_STATS_RETENTION_DAYS = 30
    today = timezone.localdate()
    for age in (0, 29, 30, 31, 400):
        PageView.objects.create(day=today - timedelta(days=age), created_at=timezone.now(), path="/en/", visitor="x")
    DailySalt.objects.create(day=today - timedelta(days=1), value="old")
    DailySalt.objects.create(day=today, value="new")
    call_command("prune_stats", verbosity=0)
    assert sorted((today - d).days for d in PageView.objects.values_list("day", flat=True)) == [0, 29, 30]
    assert list(DailySalt.objects.values_list("value", flat=True)) == ["new"]


def test_prune_task_runs_on_the_worker(home_page, settings, run_tasks):
    from ops.tasks import prune_page_views

    settings.OPS_STATS_RETENTION_DAYS = 10
    old = timezone.localdate() - timedelta(days=11)
    PageView.objects.create(day=old, created_at=timezone.now(), path="/", visitor="x")
    prune_page_views.enqueue()
    run_tasks()
    assert PageView.objects.count() == 0


def test_buffered_writes_flush_in_batches(client, home_page, settings):
    settings.OPS_STATS_BUFFER_SIZE = 3
    visit(client, "/en/")
    visit(client, "/en/")
    assert PageView.objects.count() == 0
    visit(client, "/en/")
    assert PageView.objects.count() == 3
