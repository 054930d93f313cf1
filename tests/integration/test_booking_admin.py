"""The staff calendar and the dashboard panel in the Wagtail admin."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission

from booking import states
from booking.models import Appointment
from ops.permissions import VIEW_STATISTICS_CODENAME
from tests.booking_fixtures import book_at, make_service, make_staff, make_venue

NOW = datetime(2030, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def two_venues(home_page, django_user_model):
    mitte = make_venue(home_page, slug="mitte")
    kreuzberg = make_venue(home_page, slug="kreuzberg")
    kreuzberg.title = "Studio Kreuzberg"
    kreuzberg.save_revision().publish()
    haircut = make_service("Haircut", 60)
    anna = make_staff(mitte, "Anna", [haircut])
    karl = make_staff(kreuzberg, "Karl", [haircut])
    with time_machine.travel(NOW, tick=False):
        a1 = book_at(mitte, haircut, anna, client_name="Olga Client")
        wednesday = datetime(2030, 6, 5, 8, tzinfo=UTC)
        book_at(mitte, haircut, anna, wednesday, client_name="Wednesday Client", client_email="wed@example.com")
        book_at(kreuzberg, haircut, karl, client_name="Karl's Client", client_email="k@example.com")
    staff_user = django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    staff_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    anna.user = staff_user
    anna.save()
    return mitte, kreuzberg, anna, karl, a1, staff_user


def test_day_and_week_views_and_actions(client, admin_user, two_venues):
    mitte, kreuzberg, anna, karl, a1, _ = two_venues
    client.force_login(admin_user)
    day = client.get(f"/admin/booking/calendar/?staff={anna.pk}&date=2030-06-03")
    html = day.content.decode()
    assert day.status_code == 200 and 'data-testid="calendar-day"' in html
    assert "10:00–11:00" in html and "Olga Client" in html and "Wednesday Client" not in html
    week = client.get(f"/admin/booking/calendar/?staff={anna.pk}&date=2030-06-03&view=week").content.decode()
    assert "Olga Client" in week and "Wednesday Client" in week
    next_url = f"/admin/booking/calendar/?staff={anna.pk}&date=2030-06-03"
    response = client.post(f"/admin/booking/appointments/{a1.pk}/status/", {"status": "completed", "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    assert Appointment.objects.get(pk=a1.pk).status == states.COMPLETED
    client.post(f"/admin/booking/appointments/{a1.pk}/status/", {"status": "cancelled"})
    assert Appointment.objects.get(pk=a1.pk).status == states.COMPLETED  # a completed visit stays completed
    messages = [str(m) for m in client.get(next_url).context["messages"]]
    assert any("not possible" in m for m in messages)


def test_staff_users_see_only_their_venue(client, two_venues):
    mitte, kreuzberg, anna, karl, a1, staff_user = two_venues
    client.force_login(staff_user)
    html = client.get("/admin/booking/calendar/?date=2030-06-03").content.decode()
    assert "Olga Client" in html and "Karl" not in html
    html = client.get(f"/admin/booking/calendar/?staff={karl.pk}&date=2030-06-03").content.decode()
    assert "Karl's Client" not in html
    karls = Appointment.objects.get(staff=karl)
    # another venue's appointment is "not found" (Django's LocaleMiddleware turns the 404 into a redirect)
    response = client.post(f"/admin/booking/appointments/{karls.pk}/status/", {"status": "cancelled"})
    assert response.status_code in (302, 404) and "calendar" not in response.get("Location", "")
    assert Appointment.objects.get(pk=karls.pk).status == states.CONFIRMED


def test_admin_users_without_a_staff_record_are_refused(client, home_page, django_user_model):
    editor = django_user_model.objects.create_user(email="editor@example.com", password="pw-123456789")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/booking/calendar/")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission" answer


def test_dashboard_panel_needs_the_statistics_permission_and_bookings(client, home_page, django_user_model):
    manager = django_user_model.objects.create_user(email="manager@example.com", password="pw-123456789")
    group = Group.objects.create(name="Managers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    manager.groups.add(group)
    client.force_login(manager)
    assert 'data-testid="booking-dashboard-panel"' not in client.get("/admin/").content.decode()
    group.permissions.add(Permission.objects.get(codename=VIEW_STATISTICS_CODENAME))
    manager = django_user_model.objects.get(pk=manager.pk)
    client.force_login(manager)
    assert 'data-testid="booking-dashboard-panel"' not in client.get("/admin/").content.decode()  # no bookings yet


def test_dashboard_panel_counts(client, admin_user, two_venues):
    mitte, kreuzberg, anna, karl, a1, _ = two_venues
    client.force_login(admin_user)
    Appointment.objects.filter(pk=a1.pk).update(status=states.CANCELLED)
    html = client.get("/admin/").content.decode()
    assert 'data-testid="booking-dashboard-panel"' in html
    assert '<strong data-count="upcoming">2</strong>' in html
    assert '<strong data-count="cancelled">1</strong>' in html
