from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.utils import timezone

from ops.models import PageView
from ops.permissions import VIEW_STATISTICS_CODENAME

NOW = datetime(2030, 6, 12, 10, 0, tzinfo=UTC)  # a Wednesday mid-month: "today", 3, 20 and 40 days back


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def views(home_page):
    today = timezone.localdate()
    now = timezone.now()
    rows = [
        (today, "/en/", "a"),
        (today, "/en/", "a"),
        (today, "/de/", "b"),
        (today - timedelta(days=3), "/en/", "c"),
        (today - timedelta(days=20), "/uk/about/", "d"),
        (today - timedelta(days=40), "/en/", "e"),
    ]
    PageView.objects.bulk_create(
        PageView(day=d, created_at=now, path=p, visitor=v, locale=p[1:3], referrer_domain="news.example" * (v == "c"))
        for d, p, v in rows
    )


@pytest.fixture
def editor(home_page, django_user_model):
    user = django_user_model.objects.create_user(email="ed@example.com", password="pw-123456789")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_admin_home_shows_visitors_to_superusers(client, admin_user, views):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert 'id="ops-visitors' in html
    assert "<td data-visitors-today>2</td>" in html  # a and b today
    assert "<td data-visitors-week>3</td>" in html  # + c three days ago
    assert "<td data-visitors-month>4</td>" in html  # + d, not e (40 days ago)
    assert '<svg class="ops-chart"' in html and html.count("<rect") == 60
    assert "/uk/about/" not in html.split("Top pages")[1].split("</table>")[0]  # 7-day top pages


def test_panel_needs_the_view_statistics_permission(client, editor, views):
    client.force_login(editor)
    assert 'id="ops-visitors' not in client.get("/admin/").content.decode()
    assert client.get("/admin/ops/statistics/").status_code in (302, 403)
    editor.user_permissions.add(
        Permission.objects.get(codename=VIEW_STATISTICS_CODENAME, content_type__app_label="ops")
    )
    editor = type(editor).objects.get(pk=editor.pk)  # fresh permission cache
    client.force_login(editor)
    assert 'id="ops-visitors' in client.get("/admin/").content.decode()
    assert client.get("/admin/ops/statistics/").status_code == 200


def test_panel_shows_nothing_without_data(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert 'id="ops-visitors' not in html
    assert '"/admin/ops/statistics/"' in html  # the admin menu still leads to the statistics view


def test_aggregates_are_cached(client, admin_user, views):
    client.force_login(admin_user)
    client.get("/admin/")
    PageView.objects.create(day=timezone.localdate(), created_at=timezone.now(), path="/en/", visitor="z")
    assert "<td data-visitors-today>2</td>" in client.get("/admin/").content.decode()


def test_statistics_view_range_and_csv(client, admin_user, views):
    client.force_login(admin_user)
    today = timezone.localdate()
    start = today - timedelta(days=45)
    response = client.get("/admin/ops/statistics/", {"start": start.isoformat(), "end": today.isoformat()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 visitors, 6 page views" in html
    assert "news.example" in html
    csv = client.get("/admin/ops/statistics/", {"start": start.isoformat(), "end": today.isoformat(), "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "attachment" in csv["Content-Disposition"]
    body = csv.content.decode()
    assert f"{today.isoformat()},3,2" in body
    assert "/en/,4,3" in body  # 4 views; visitors summed per day: a (today) + c + e
    assert "news.example,1" in body


def test_statistics_view_rejects_a_reversed_range(client, admin_user, views):
    client.force_login(admin_user)
    today = timezone.localdate()
    response = client.get("/admin/ops/statistics/", {"start": today.isoformat(), "end": "2020-01-01"})
    assert response.status_code == 200
    assert "The start date must not be after the end date." in response.content.decode()
    response = client.get("/admin/ops/statistics/", {"start": "not-a-date", "end": today.isoformat()})
    assert response.status_code == 200 and "Enter a valid date." in response.content.decode()
