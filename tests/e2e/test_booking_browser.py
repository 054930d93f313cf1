"""Booking in a browser, in Russian: service → anyone → date → time → details → confirm,
the Russian confirmation email, cancelling through the manage link, and the admin calendar."""

import io
import re
from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from playwright.sync_api import expect

from booking import states
from booking.models import Appointment
from ops.permissions import VIEW_STATISTICS
from pages.demo import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD


def run_worker():
    for _ in range(2):
        call_command("db_worker", "--batch", "--backend", "db", "--no-startup-delay", verbosity=0, stdout=io.StringIO())


def first_day_outside_cancellation_window(page):
    """A free day at least two days ahead (the 24 h cancellation window is over),
    moving on to the next month when this one has none left."""
    earliest = timezone.localdate() + timedelta(days=2)
    for _ in range(2):
        days = page.locator("[data-free-day]")
        for index in range(days.count()):
            day = days.nth(index)
            if date.fromisoformat(day.get_attribute("data-free-day")) >= earliest:
                return day
        month = page.get_by_test_id("calendar-month")
        shown = month.inner_text()
        page.get_by_role("link", name="Следующий месяц").click()
        expect(month).not_to_have_text(shown)
    raise AssertionError("no free day outside the cancellation window")


def test_booking_in_russian_then_cancel_by_link(page, demo_server, frozen_clock):
    # At the run's frozen instant (frozen_clock, tests/conftest.py; the live server's threads
    # see it too): which days are free and outside the cancellation window depends on it.
    mail.outbox.clear()
    page.goto(f"{demo_server.url}/ru/studio/zapis/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", name="Выберите услугу")).to_be_visible()

    page.get_by_role("link", name=re.compile("Стрижка")).first.click()
    expect(page.get_by_role("heading", name="Выберите мастера")).to_be_visible()
    assert "service=" in page.url  # the step is in the URL: reload and back work

    page.get_by_role("link", name="Любой свободный мастер").click()
    expect(page.get_by_role("heading", name="Выберите дату")).to_be_visible()
    page.reload()  # a reload renders the same step as a full page
    expect(page.get_by_role("heading", name="Выберите дату")).to_be_visible()

    first_day_outside_cancellation_window(page).click()
    expect(page.get_by_role("heading", name="Выберите время")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="Выберите дату")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", name="Выберите время")).to_be_visible()

    slot = page.locator("[data-slot]").first
    chosen_time = slot.get_attribute("data-slot")
    slot.click()
    expect(page.get_by_role("heading", name="Ваши данные")).to_be_visible()
    page.get_by_label("Ваше имя", exact=True).fill("Мария Иванова")
    page.get_by_label("Эл. почта", exact=True).fill("maria@example.com")
    with translation.override("ru"):  # the shared msgid "Continue", whichever Russian word it has
        next_label = translation.gettext("Continue")
    page.get_by_role("button", name=next_label, exact=True).click()

    expect(page.get_by_role("heading", name="Проверьте и подтвердите")).to_be_visible()
    expect(page.get_by_text("maria@example.com")).to_be_visible()
    page.get_by_role("button", name="Подтвердить запись").click()

    expect(page.get_by_role("heading", name="Запись подтверждена")).to_be_visible()
    expect(page.get_by_test_id("appointment-time")).to_contain_text(chosen_time)
    appointment = Appointment.objects.get(client_email="maria@example.com")
    assert appointment.language == "ru" and appointment.status == states.CONFIRMED

    run_worker()
    confirmation = next(m for m in mail.outbox if m.to == ["maria@example.com"])
    assert confirmation.subject.startswith("Запись подтверждена: Стрижка")
    assert "Здравствуйте, Мария Иванова!" in confirmation.body
    assert confirmation.attachments[0][0] == "appointment.ics"
    manage_url = re.search(r"https?://\S+/manage/\S+/", confirmation.body).group(0)
    path = "/" + manage_url.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith("/ru/")

    page.goto(demo_server.url + path)
    expect(page.get_by_role("heading", name="Ваша запись")).to_be_visible()
    page.get_by_role("button", name="Отменить запись").click()
    expect(page.get_by_test_id("appointment-cancelled")).to_contain_text("Эта запись отменена.")
    appointment.refresh_from_db()
    assert appointment.status == states.CANCELLED
    run_worker()
    assert any(m.subject.startswith("Запись отменена") for m in mail.outbox if m.to == ["maria@example.com"])


def test_admin_calendar_week_view_and_complete_action(page, demo_server):
    page.goto(f"{demo_server.url}/admin/login/")
    page.fill("input[name=username]", DEMO_ADMIN_EMAIL)
    page.fill("input[name=password]", DEMO_ADMIN_PASSWORD)
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    expect(page.get_by_test_id("booking-dashboard-panel")).to_have_count(0 if not _can_see_stats() else 1)

    appointment = Appointment.objects.filter(status=states.CONFIRMED).order_by("start").first()
    day = appointment.local_start.date().isoformat()
    page.goto(f"{demo_server.url}/admin/booking/calendar/?staff={appointment.staff_id}&date={day}&view=week")
    expect(page.get_by_test_id("calendar-week")).to_be_visible()
    card = page.locator(f'[data-appointment="{appointment.pk}"]')
    expect(card).to_contain_text(appointment.client_name)
    card.get_by_role("button", name="Complete").click()
    expect(page.locator(f'[data-appointment="{appointment.pk}"] [data-status]')).to_have_text("completed")
    appointment.refresh_from_db()
    assert appointment.status == states.COMPLETED


def _can_see_stats():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email=DEMO_ADMIN_EMAIL).has_perm(VIEW_STATISTICS)
