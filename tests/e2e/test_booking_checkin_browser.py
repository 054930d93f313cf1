"""QR check-in on a phone: a staff member (a venue's Staff record with a login, not a superuser)
opens Check in from the admin menu at 390 px, pastes the code from the confirmation email, and the
appointment turns "arrived" in the calendar with who checked in."""

import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from booking import states
from booking.models import Appointment, Staff
from booking.operations import book
from booking.schedule import find_slots

PASSWORD = "desk-pass-123456"


def booked_today_and_a_staff_login():
    """At the run's frozen instant (Wed 2027-03-10 09:00 Berlin): a later slot today with a demo staff
    member, its confirmation email's check-in link, and a login for that staff member (not a superuser)."""
    now = timezone.now()
    # The first member (in a fixed order, the same on every database) with a free slot later today.
    member, service, slot = next(
        (member, service, slots[0])
        for member in Staff.objects.filter(active=True).select_related("venue").order_by("pk")
        for service in member.services.order_by("pk")
        for slots in [
            find_slots(member.venue, service, *[now.astimezone(member.venue.zone).date()] * 2, staff=member, now=now)
        ]
        if slots
    )
    appointment = book(
        venue=member.venue,
        service=service,
        staff=member,
        start=slot.start,
        client_name="Desk Client",
        client_email="desk@example.com",
    )
    call_command("db_worker", "--batch", "--backend", "db", "--no-startup-delay", verbosity=0, stdout=io.StringIO())
    confirmation = next(m for m in mail.outbox if m.to == ["desk@example.com"])
    code = re.search(r"https?://\S+/admin/booking/check-in/\?code=\S+", confirmation.body).group(0)
    user = get_user_model().objects.create_user(
        email="desk@studio.example", password=PASSWORD, first_name="Desk", last_name="Staff"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    member.user = user
    member.save()
    return appointment, code, user, now.astimezone(member.venue.zone)


def phone(browser, demo_server, user):
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{demo_server.url}/admin/login/")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    return context, page


def test_staff_checks_in_a_pasted_code_on_a_phone(browser, demo_server, frozen_clock):
    appointment, code, user, local_now = booked_today_and_a_staff_login()
    context, page = phone(browser, demo_server, user)
    try:
        page.get_by_role("button", name="Toggle sidebar").click()
        page.get_by_role("link", name="Check in").click()
        expect(page.get_by_role("heading", name="Check in")).to_be_visible()
        expect(page.get_by_role("button", name="Scan with camera")).to_be_hidden()  # no BarcodeDetector here
        page.get_by_label("Code or link").fill(code)
        page.get_by_test_id("checkin-submit").click()

        result = page.get_by_test_id("checkin-result")
        expect(result).to_have_attribute("data-outcome", "arrived")
        expect(result).to_contain_text("Desk Client checked in")
        page.get_by_test_id("checkin-calendar-link").click()
        card = page.locator(f'[data-appointment="{appointment.pk}"]')
        expect(card.locator("[data-status]")).to_have_text("arrived")
        expect(card.get_by_test_id("checked-in")).to_have_text(f"Checked in at {local_now:%H:%M} by Desk Staff")
    finally:
        context.close()
    appointment = Appointment.objects.get(pk=appointment.pk)
    assert appointment.status == states.ARRIVED and appointment.checked_in_by == user


# A camera and a BarcodeDetector that "see" the given code: the page's scanner script runs as on a phone.
FAKE_CAMERA = """
window.BarcodeDetector = class {
  static async getSupportedFormats() { return ["qr_code"]; }
  async detect() { return [{ rawValue: window.__scannedCode }]; }
};
navigator.mediaDevices.getUserMedia = async () => {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  canvas.getContext("2d").fillRect(0, 0, 64, 64);
  return canvas.captureStream(5);
};
"""


def test_the_camera_scan_fills_in_and_submits_the_code(browser, demo_server, frozen_clock):
    appointment, code, user, _local_now = booked_today_and_a_staff_login()
    context, page = phone(browser, demo_server, user)
    try:
        page.add_init_script(f"window.__scannedCode = {code!r};" + FAKE_CAMERA)
        page.goto(f"{demo_server.url}/admin/booking/check-in/")
        page.get_by_role("button", name="Scan with camera").click()
        expect(page.get_by_test_id("checkin-result")).to_have_attribute("data-outcome", "arrived")
    finally:
        context.close()
    assert Appointment.objects.get(pk=appointment.pk).status == states.ARRIVED
