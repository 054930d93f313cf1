"""No double booking under concurrency (PostgreSQL: the exclusion constraint decides)."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, connections

from booking import states
from booking.models import Appointment
from booking.operations import SlotTaken, book
from tests.booking_fixtures import make_studio
from tests.site_setup import ensure_site_structure

START = datetime(2030, 6, 3, 8, 0, tzinfo=UTC)  # Monday 10:00 in Berlin
NOW = datetime(2030, 6, 1, tzinfo=UTC)

needs_postgres = pytest.mark.postgres


@pytest.fixture
def studio(transactional_db):
    return make_studio(ensure_site_structure(), buffer_after_minutes=15)


def run_concurrently(count, attempt):
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        try:
            barrier.wait()
            results[index] = attempt(index)
        except Exception as error:  # noqa: BLE001 (reported below)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.postgres
@needs_postgres
def test_twenty_concurrent_bookings_of_one_slot_make_one_appointment(studio):
    venue, page, haircut, anna = studio

    def attempt(index):
        try:
            book(
                venue=venue,
                service=haircut,
                staff=anna,
                start=START,
                now=NOW,
                client_name=f"Client {index}",
                client_email=f"c{index}@example.com",
            )
            return "booked"
        except SlotTaken:
            return "taken"

    results = run_concurrently(20, attempt)
    assert sorted(map(str, results)) == ["booked"] + ["taken"] * 19
    assert Appointment.objects.filter(staff=anna).count() == 1


@pytest.mark.postgres
@needs_postgres
def test_the_database_itself_rejects_overlaps_but_not_cancelled_ones(studio):
    venue, page, haircut, anna = studio
    fields = dict(
        venue=venue,
        service=haircut,
        staff=anna,
        time_zone="Europe/Berlin",
        client_name="X",
        client_email="x@example.com",
    )
    first = Appointment.objects.create(
        start=START,
        end=START + timedelta(hours=1),
        blocked_start=START,
        blocked_end=START + timedelta(minutes=75),
        **fields,
    )
    later = START + timedelta(minutes=70)
    with pytest.raises(IntegrityError):
        Appointment.objects.create(
            start=later,
            end=later + timedelta(hours=1),
            blocked_start=later,
            blocked_end=later + timedelta(hours=1),
            **fields,
        )
    first.status = states.CANCELLED
    first.save()
    second = Appointment.objects.create(
        start=later,
        end=later + timedelta(hours=1),
        blocked_start=later,
        blocked_end=later + timedelta(hours=1),
        **fields,
    )
    # A no-show frees the time too, as availability already shows it: a walk-in can take it.
    second.status = states.NO_SHOW
    second.save()
    Appointment.objects.create(
        start=later,
        end=later + timedelta(minutes=30),
        blocked_start=later,
        blocked_end=later + timedelta(minutes=30),
        **fields,
    )


@pytest.mark.postgres
@needs_postgres
def test_twenty_concurrent_htmx_confirmations_one_wins_the_rest_get_409(studio):
    import time_machine
    from django.core.cache import cache
    from django.test import Client

    venue, page, haircut, anna = studio
    cache.clear()
    state = {"service": haircut.pk, "staff": anna.pk, "date": "2030-06-03", "start": "20300603T0800Z"}
    book_url = page.url + "book/"
    with time_machine.travel(NOW, tick=True):
        clients = []
        for index in range(20):
            client = Client(REMOTE_ADDR=f"10.0.0.{index + 1}")
            contact = {"client_name": f"Client {index}", "client_email": f"c{index}@example.com"}
            assert client.post(book_url, {**state, "action": "details", **contact}).status_code == 302
            clients.append(client)

        def attempt(index):
            response = clients[index].post(book_url, {**state, "action": "confirm"}, HTTP_HX_REQUEST="true")
            return response.status_code, response.content.decode()

        results = run_concurrently(20, attempt)
    statuses = sorted(status for status, _body in results)
    assert statuses == [204] + [409] * 19, statuses
    assert all("This time was just taken, please pick another." in body for status, body in results if status == 409)
    assert Appointment.objects.filter(staff=anna).count() == 1


@pytest.mark.postgres
@needs_postgres
def test_an_arrived_customer_still_holds_the_time_in_the_database(studio):
    """The exclusion constraint's condition lists "arrived" (booking/migrations/0003_checkin.py)."""
    venue, page, haircut, anna = studio
    fields = dict(venue=venue, service=haircut, staff=anna, time_zone="Europe/Berlin", client_email="x@example.com")
    span = dict(
        start=START, end=START + timedelta(hours=1), blocked_start=START, blocked_end=START + timedelta(hours=1)
    )
    Appointment.objects.create(status=states.ARRIVED, client_name="Arrived", **span, **fields)
    with pytest.raises(IntegrityError):
        Appointment.objects.create(client_name="Second", **span, **fields)
