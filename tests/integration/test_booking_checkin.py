"""QR check-in at the desk: the code in the confirmation email, on the manage page and in the
staff calendar; the admin "Check in" page and who may use it; every refusal; idempotence."""

from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail

from booking import checkin, states
from booking.models import Appointment
from booking.operations import CheckInRefused, SlotTaken, cancel, change_status, check_in, reschedule
from tests.booking_fixtures import MONDAY_10AM, book_at, make_booking_page, make_service, make_staff, make_venue

BOOKED_AT = datetime(2030, 6, 1, 12, tzinfo=UTC)
AT_THE_DESK = datetime(2030, 6, 3, 7, 50, tzinfo=UTC)  # Monday 09:50 in Berlin, ten minutes early
URL = "/admin/booking/check-in/"


def staff_login(django_user_model, email, first_name, member):
    user = django_user_model.objects.create_user(
        email=email, password="pw-123456789", first_name=first_name, last_name="Staff"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    member.user = user
    member.save()
    return user


@pytest.fixture
def desk(home_page, django_user_model, django_capture_on_commit_callbacks):
    """Studio Mitte (Anna, with a login) and Studio Kreuzberg (Karl, with a login); Olga booked Anna
    for Monday 10:00 with Mitte's booking page."""
    mitte = make_venue(home_page, slug="mitte")
    page = make_booking_page(mitte)
    kreuzberg = make_venue(home_page, slug="kreuzberg")
    haircut = make_service("Haircut", 60)
    anna = make_staff(mitte, "Anna", [haircut])
    karl = make_staff(kreuzberg, "Karl", [haircut])
    with time_machine.travel(BOOKED_AT, tick=False), django_capture_on_commit_callbacks(execute=True):
        appointment = book_at(mitte, haircut, anna, page=page)
    return {
        "page": page,
        "appointment": appointment,
        "anna_user": staff_login(django_user_model, "anna@example.com", "Anna", anna),
        "karl_user": staff_login(django_user_model, "karl@example.com", "Karl", karl),
    }


def login(client, user):
    with time_machine.travel(AT_THE_DESK, tick=False):  # a session of that day
        client.force_login(user)


def post_code(client, code, at=AT_THE_DESK):
    with time_machine.travel(at, tick=False):
        return client.post(URL, {"code": code})


def row(appointment):
    return Appointment.objects.get(pk=appointment.pk)


def test_confirmation_email_carries_the_qr_code_inline_and_the_link(desk, run_tasks):
    appointment = desk["appointment"]
    with time_machine.travel(BOOKED_AT, tick=False):
        run_tasks()
    (message,) = mail.outbox
    link = checkin.checkin_url(appointment)
    assert link in message.body and "reception" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'src="cid:checkin-qr"' in html and "data:" not in html
    # the sent MIME message: an inline PNG with that Content-ID, the QR code of the check-in link
    parsed = message_from_bytes(message.message().as_bytes())
    images = [part for part in parsed.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 1 and images[0]["Content-ID"] == "<checkin-qr>"
    assert images[0].get_content_disposition() == "inline"
    assert images[0].get_payload(decode=True) == checkin.qr_png(appointment)
    assert checkin.read_code(link) == (appointment.pk, checkin.version(appointment))


def test_manage_page_shows_the_qr_code_under_the_csp(client, desk):
    appointment, page = desk["appointment"], desk["page"]
    with time_machine.travel(BOOKED_AT, tick=False):
        response = client.get(page.url + f"manage/{appointment.manage_token}/")
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="checkin-qr"' in html
    assert 'src="data:image/svg+xml' in html
    img_src = next(part for part in response["Content-Security-Policy"].split(";") if "img-src" in part)
    assert "data:" in img_src
    # a cancelled appointment's page has no code
    cancel(appointment, now=BOOKED_AT)
    with time_machine.travel(BOOKED_AT, tick=False):
        html = client.get(page.url + f"manage/{appointment.manage_token}/").content.decode()
    assert 'data-testid="checkin-qr"' not in html


def test_staff_checks_in_once_then_completes(client, desk):
    appointment, anna_user = desk["appointment"], desk["anna_user"]
    login(client, anna_user)
    link = checkin.checkin_url(appointment)
    # opening the scanned link fills in the form and changes nothing
    with time_machine.travel(AT_THE_DESK, tick=False):
        opened = client.get(URL, {"code": checkin.make_code(appointment)})
    assert opened.status_code == 200 and checkin.make_code(appointment) in opened.content.decode()
    assert row(appointment).status == states.CONFIRMED

    response = post_code(client, link)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-outcome="arrived"' in html
    assert "Olga checked in: Haircut with Anna at 10:00." in html
    checked = row(appointment)
    assert checked.status == states.ARRIVED
    assert checked.checked_in_at == AT_THE_DESK and checked.checked_in_by == anna_user

    # scanning again (later, pasting only the code) changes nothing and says who did it when
    again = post_code(client, checkin.make_code(appointment), at=AT_THE_DESK + timedelta(minutes=5))
    assert again.status_code == 200 and 'data-outcome="already"' in again.content.decode()
    assert "Already checked in at 09:50 by Anna Staff." in again.content.decode()
    unchanged = row(appointment)
    assert (unchanged.status, unchanged.checked_in_at, unchanged.updated_at) == (
        states.ARRIVED,
        AT_THE_DESK,
        checked.updated_at,
    )

    # the calendar shows who checked in and when; from there (or here) staff complete the visit
    with time_machine.travel(AT_THE_DESK, tick=False):
        calendar = client.get(f"/admin/booking/calendar/?staff={appointment.staff_id}&date=2030-06-03")
    html = calendar.content.decode()
    assert "Checked in at 09:50 by Anna Staff" in html and ">arrived<" in html
    assert 'value="completed"' in html and 'value="no_show"' not in html and 'value="cancelled"' not in html
    client.post(f"/admin/booking/appointments/{appointment.pk}/status/", {"status": "completed"})
    assert row(appointment).status == states.COMPLETED
    after = post_code(client, link, at=AT_THE_DESK + timedelta(hours=1))
    assert 'data-outcome="already"' in after.content.decode() and row(appointment).status == states.COMPLETED


def test_superuser_checks_in_at_any_venue(client, desk, admin_user):
    login(client, admin_user)
    assert post_code(client, checkin.checkin_url(desk["appointment"])).status_code == 200
    assert row(desk["appointment"]).checked_in_by == admin_user


def test_arrived_still_holds_the_staff_members_time(client, desk):
    appointment = desk["appointment"]
    login(client, desk["anna_user"])
    post_code(client, checkin.checkin_url(appointment))
    assert states.ARRIVED in states.ACTIVE and not row(appointment).can_change_online(AT_THE_DESK - timedelta(days=2))
    with pytest.raises(SlotTaken):
        book_at(appointment.venue, appointment.service, appointment.staff, now=AT_THE_DESK - timedelta(days=1))


@pytest.mark.parametrize(
    "code",
    ["", "hello", "https://example.com/admin/booking/check-in/?code=", "1.2:abc", "x" * 5000, "%", "1.2.3:"],
    ids=["empty", "word", "link-without-code", "unsigned", "long", "percent", "dots"],
)
def test_garbage_is_not_a_code(client, desk, code):
    login(client, desk["anna_user"])
    response = post_code(client, code)
    assert response.status_code == 400 and "not a valid check-in code" in response.content.decode()


def test_refusals(client, desk):
    appointment = desk["appointment"]
    code = checkin.make_code(appointment)
    login(client, desk["anna_user"])

    def refused(response, status, text):
        html = response.content.decode()
        assert response.status_code == status and text in html, html[-3000:]
        current = row(appointment)
        assert current.checked_in_at is None and current.status != states.ARRIVED

    # tampered: one character of the signature or of the signed value changed
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    refused(post_code(client, tampered), 400, "not a valid check-in code")
    value, signature = code.split(":", 1)
    refused(
        post_code(client, f"{int(value.split('.')[0]) + 1}.{value.split('.')[1]}:{signature}"),
        400,
        "not a valid check-in code",
    )
    # another day in the venue's time zone: yesterday and tomorrow
    refused(post_code(client, code, at=AT_THE_DESK - timedelta(days=1)), 409, "not today")
    refused(post_code(client, code, at=datetime(2030, 6, 3, 22, 30, tzinfo=UTC)), 409, "not today")  # 00:30 Tue
    # another venue's staff
    login(client, desk["karl_user"])
    refused(post_code(client, code), 403, "another venue")
    login(client, desk["anna_user"])
    # moved: the old code is out of date, the new one works (checked below after the other refusals)
    reschedule(appointment, MONDAY_10AM + timedelta(hours=2), now=BOOKED_AT)
    refused(post_code(client, code), 409, "out of date")
    new_code = checkin.make_code(row(appointment))
    # no-show cannot arrive
    change_status(appointment, states.NO_SHOW)
    refused(post_code(client, new_code), 409, "cannot be checked in: it is no-show")


def test_cancelled_code_is_refused(client, desk):
    appointment = desk["appointment"]
    cancel(appointment, now=BOOKED_AT)
    login(client, desk["anna_user"])
    response = post_code(client, checkin.checkin_url(appointment))
    assert response.status_code == 409 and "was cancelled" in response.content.decode()
    assert row(appointment).status == states.CANCELLED and row(appointment).checked_in_at is None


def test_rescheduled_code_checks_in(client, desk):
    appointment = desk["appointment"]
    reschedule(appointment, MONDAY_10AM + timedelta(hours=2), now=BOOKED_AT)
    login(client, desk["anna_user"])
    response = post_code(client, checkin.checkin_url(row(appointment)))
    assert response.status_code == 200 and row(appointment).status == states.ARRIVED


def test_only_venue_staff_see_the_page(client, desk, django_user_model):
    editor = django_user_model.objects.create_user(email="editor@example.com", password="pw-123456789")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, editor)
    response = post_code(client, checkin.checkin_url(desk["appointment"]))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert row(desk["appointment"]).status == states.CONFIRMED
    assert "Check in" not in client.get("/admin/").content.decode()
    login(client, desk["anna_user"])
    assert URL in client.get("/admin/").content.decode()


def test_a_deactivated_staff_member_is_refused_with_the_reason(client, desk):
    anna = desk["anna_user"].booking_staff.get()
    anna.active = False
    anna.save()
    login(client, desk["anna_user"])
    response = post_code(client, checkin.checkin_url(desk["appointment"]))
    assert response.status_code == 403 and "staff record is deactivated" in response.content.decode()
    assert row(desk["appointment"]).status == states.CONFIRMED and row(desk["appointment"]).checked_in_at is None
    with time_machine.travel(AT_THE_DESK, tick=False):
        calendar = client.get("/admin/booking/calendar/")
        assert calendar.status_code == 403 and "staff record is deactivated" in calendar.content.decode()
        assert "Check in" not in client.get("/admin/").content.decode()


def test_the_check_in_operation_refuses_a_deactivated_or_other_venue_staff_member(desk):
    anna = desk["anna_user"].booking_staff.get()
    anna.active = False
    anna.save()
    for user in (desk["anna_user"], desk["karl_user"]):
        with time_machine.travel(AT_THE_DESK, tick=False), pytest.raises(CheckInRefused) as refused:
            check_in(desk["appointment"], user)
        assert refused.value.reason == "not_staff"
    assert row(desk["appointment"]).checked_in_at is None
