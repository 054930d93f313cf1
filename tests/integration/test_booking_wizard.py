"""The booking wizard over HTTP: every step by URL, HTMX fragments, no-JS submit, 409, manage link."""

import re
from datetime import UTC, datetime

import pytest
import time_machine

from booking import states
from booking.models import Appointment
from booking.operations import book
from tests.booking_fixtures import book_at, make_booking_page, make_service, make_staff, make_venue

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday
MONDAY = "2030-06-03"
MONDAY_10 = "20300603T0800Z"  # 10:00 in Berlin


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def studio(home_page):
    venue = make_venue(home_page)
    page = make_booking_page(venue)
    haircut = make_service("Haircut", 60, buffer_after_minutes=15)
    colour = make_service("Colour", 90)
    anna = make_staff(venue, "Anna", [haircut, colour])
    boris = make_staff(venue, "Boris", [haircut])
    return venue, page, haircut, anna, boris


HX = {"HTTP_HX_REQUEST": "true"}


def url(page, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return page.url + ("?" + query if query else "")


def test_each_step_renders_by_url_as_a_full_page(client, studio):
    venue, page, haircut, anna, _ = studio
    steps = [
        ({}, "service", ["Haircut", "Colour"]),
        ({"service": haircut.pk}, "staff", ["Anna", "Boris", "Anyone available"]),
        ({"service": haircut.pk, "staff": anna.pk}, "date", ['data-free-day="2030-06-03"']),
        ({"service": haircut.pk, "staff": "any", "date": MONDAY}, "time", ['data-slot="09:00"', 'data-slot="14:00"']),
        ({"service": haircut.pk, "staff": anna.pk, "date": MONDAY, "start": MONDAY_10}, "details", ["client_email"]),
    ]
    for params, step, expected in steps:
        response = client.get(url(page, **params))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<html" in html and f'data-step="{step}"' in html
        for text in expected:
            assert text in html, (step, text)
    # Sunday (closed) and today (Saturday, past opening) are not offered
    response = client.get(url(page, service=haircut.pk, staff=anna.pk))
    assert 'data-free-day="2030-06-02"' not in response.content.decode()


def test_htmx_gets_fragments_and_history_restore_gets_the_page(client, studio):
    _venue, page, haircut, _anna, _ = studio
    fragment = client.get(url(page, service=haircut.pk), **HX)
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    assert 'data-step="staff"' in fragment.content.decode()
    restored = client.get(url(page, service=haircut.pk), **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in restored.content.decode()


def test_garbage_in_the_querystring_falls_back_to_a_valid_step(client, studio):
    _venue, page, haircut, anna, _ = studio
    for params in [
        {"service": "abc"},
        {"service": 999999},
        {"service": haircut.pk, "staff": "nobody"},
        {"service": haircut.pk, "staff": anna.pk, "date": "2030-13-45"},
        {"service": haircut.pk, "staff": anna.pk, "date": MONDAY, "start": "tomorrow"},
        {"service": haircut.pk, "staff": anna.pk, "month": "x"},
    ]:
        assert client.get(url(page, **params)).status_code == 200
    # a start that is not a free slot (Sunday) goes back to the time step with a message
    response = client.get(url(page, service=haircut.pk, staff=anna.pk, date="2030-06-02", start="20300602T0800Z"))
    assert 'data-step="time"' in response.content.decode()
    assert "no longer available" in response.content.decode()


def test_booking_without_javascript(client, studio, mailoutbox):
    _venue, page, haircut, anna, _ = studio
    state = {"service": haircut.pk, "staff": anna.pk, "date": MONDAY, "start": MONDAY_10}
    book_url = page.url + "book/"
    bad = client.post(book_url, {**state, "action": "details", "client_name": "", "client_email": "nope"})
    assert bad.status_code == 200 and 'data-step="details"' in bad.content.decode()
    assert "Enter a valid email address." in bad.content.decode()
    contact = {"client_name": "Olga", "client_email": "olga@example.com", "client_phone": "+49 1"}
    response = client.post(book_url, {**state, "action": "details", **contact})
    assert response.status_code == 302 and "step=confirm" in response["Location"]
    confirm = client.get(response["Location"])
    assert 'data-step="confirm"' in confirm.content.decode() and "olga@example.com" in confirm.content.decode()
    done = client.post(book_url, {**state, "action": "confirm"})
    assert done.status_code == 302
    appointment = Appointment.objects.get()
    assert done["Location"].endswith(f"done/{appointment.manage_token}/")
    assert appointment.staff == anna and appointment.language == "en"
    assert appointment.local_start.strftime("%Y-%m-%d %H:%M") == "2030-06-03 10:00"
    page_done = client.get(done["Location"])
    assert "Booking confirmed" in page_done.content.decode()


def test_htmx_booking_and_the_slot_taken_answer(client, studio):
    venue, page, haircut, anna, _ = studio
    state = {"service": haircut.pk, "staff": anna.pk, "date": MONDAY, "start": MONDAY_10}
    book_url = page.url + "book/"
    contact = {"client_name": "Olga", "client_email": "olga@example.com"}
    response = client.post(book_url, {**state, "action": "details", **contact}, **HX)
    assert response.status_code == 200 and "step=confirm" in response["HX-Push-Url"]
    # someone else books the same time meanwhile
    book_at(venue, haircut, anna, **contact)
    taken = client.post(book_url, {**state, "action": "confirm"}, **HX)
    assert taken.status_code == 409
    body = taken.content.decode()
    assert "This time was just taken, please pick another." in body
    assert 'data-step="time"' in body and 'data-slot="10:00"' not in body
    assert "toast" in taken["HX-Trigger"]
    # picking another time works
    state["start"] = "20300603T1200Z"
    ok = client.post(book_url, {**state, "action": "confirm"}, **HX)
    assert ok.status_code == 204 and "/done/" in ok["HX-Redirect"]
    assert Appointment.objects.count() == 2


def test_anyone_books_whoever_is_free(client, studio):
    venue, page, haircut, anna, boris = studio
    book_at(venue, haircut, anna, client_name="A", client_email="a@example.com")
    state = {"service": haircut.pk, "staff": "any", "date": MONDAY, "start": MONDAY_10}
    client.post(page.url + "book/", {**state, "action": "details", "client_name": "B", "client_email": "b@example.com"})
    client.post(page.url + "book/", {**state, "action": "confirm"})
    assert Appointment.objects.get(client_name="B").staff == boris


def test_time_step_query_count_does_not_grow_with_bookings(client, studio):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    venue, page, haircut, anna, _ = studio
    time_url = url(page, service=haircut.pk, staff="any", date=MONDAY)
    client.get(time_url, **HX)  # warm caches (site, locales)
    with CaptureQueriesContext(connection) as empty_day:
        client.get(time_url, **HX)
    for hour in (7, 9, 12, 14):
        book(
            venue=venue,
            service=haircut,
            staff=anna,
            start=datetime(2030, 6, 3, hour, tzinfo=UTC),
            client_name="X",
            client_email="x@example.com",
        )
    with CaptureQueriesContext(connection) as busy_day:
        response = client.get(time_url, **HX)
    assert 'data-slot="09:00"' in response.content.decode()  # Boris is free while Anna is busy
    assert len(busy_day.captured_queries) == len(empty_day.captured_queries) <= 25


def test_manage_link_cancels_within_the_window_and_explains_after_it(client, studio):
    venue, page, haircut, anna, _ = studio
    appointment = book_at(venue, haircut, anna, page=page)
    manage_url = page.url + f"manage/{appointment.manage_token}/"
    html = client.get(manage_url).content.decode()
    assert "Cancel appointment" in html and "Reschedule" in html
    with time_machine.travel(datetime(2030, 6, 2, 12, tzinfo=UTC), tick=False):  # 20 h before, window is 24 h
        html = client.get(manage_url).content.decode()
        assert "Cancel appointment" not in html
        assert "closed 24 hours before the appointment" in html and "+49 30 123456" in html
        client.post(manage_url, {"action": "cancel"})
        assert Appointment.objects.get().status == states.CONFIRMED
    response = client.post(manage_url, {"action": "cancel"}, follow=True)
    assert Appointment.objects.get().status == states.CANCELLED
    assert "This appointment has been cancelled." in response.content.decode()
    assert client.get(page.url + "manage/not-a-token/").status_code == 404


def test_reschedule_through_the_wizard(client, studio):
    venue, page, haircut, anna, _ = studio
    appointment = book_at(venue, haircut, anna, page=page)
    html = client.get(page.url + f"manage/{appointment.manage_token}/").content.decode()
    reschedule_url = re.search(r'href="([^"]*reschedule=[^"]*)"', html).group(1).replace("&amp;", "&")
    assert 'data-step="date"' in client.get(reschedule_url).content.decode()
    state = {"reschedule": appointment.manage_token, "date": "2030-06-04", "start": "20300604T0900Z"}
    confirm = client.get(page.url + "?" + "&".join(f"{k}={v}" for k, v in state.items()))
    assert 'data-step="confirm"' in confirm.content.decode()
    response = client.post(page.url + "book/", {**state, "action": "confirm"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.local_start.strftime("%Y-%m-%d %H:%M") == "2030-06-04 11:00"
    assert Appointment.objects.count() == 1


def test_booking_posts_are_rate_limited(client, studio):
    _venue, page, haircut, anna, _ = studio
    statuses = [client.post(page.url + "book/", {"service": haircut.pk}).status_code for _ in range(22)]
    assert statuses[0] == 200 and statuses[-1] == 429


def test_signed_in_customers_see_their_bookings(client, studio, django_user_model):
    venue, page, haircut, anna, _ = studio
    user = django_user_model.objects.create_user(
        email="olga@example.com", password="pw-123456789", verified_email="olga@example.com"
    )  # a confirmed address: guest bookings under it are hers
    book_at(venue, haircut, anna, client_email="Olga@Example.com")
    assert client.get(page.url + "my/").status_code == 302
    client.force_login(user)
    html = client.get(page.url + "my/").content.decode()
    assert "Haircut" in html and "10:00" in html
