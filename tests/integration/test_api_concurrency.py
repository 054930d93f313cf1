"""No double booking through the API under concurrency (PostgreSQL: the exclusion constraint and
the idempotency key's unique constraint decide), 20 parallel HTTP requests at a time."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from api import keys
from api.models import BOOKING, IdempotentRequest
from booking.models import Appointment
from tests.booking_fixtures import make_studio
from tests.integration.test_booking_concurrency import run_concurrently
from tests.site_setup import ensure_site_structure

NOW = datetime(2030, 6, 1, tzinfo=UTC)
START = "2030-06-03T10:00:00+02:00"  # Monday 10:00 in Berlin


@pytest.fixture
def studio(transactional_db):
    with time_machine.travel(NOW, tick=False):
        yield make_studio(ensure_site_structure(), buffer_after_minutes=15)


def post_booking(secret, venue, haircut, idempotency_key, email):
    body = {
        "venue_id": venue.pk,
        "service_id": haircut.pk,
        "start": START,
        "client_name": "Client",
        "client_email": email,
    }
    return Client().post(
        "/api/v1/bookings",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
        HTTP_IDEMPOTENCY_KEY=idempotency_key,
    )


@pytest.mark.postgres
def test_twenty_parallel_api_bookings_of_one_slot_make_one_appointment(studio):
    venue, page, haircut, anna = studio
    secret = keys.create_key(name="Load", scope=BOOKING)[1]

    def attempt(index):
        response = post_booking(secret, venue, haircut, f"key-{index}", f"c{index}@example.com")
        return response.status_code, response.json()["code"] if response.status_code != 201 else "booked"

    results = run_concurrently(20, attempt)
    assert sorted(results) == [(201, "booked")] + [(409, "slot_taken")] * 19
    assert Appointment.objects.filter(staff=anna).count() == 1


@pytest.mark.postgres
def test_twenty_parallel_retries_of_one_request_book_once_and_answer_alike(studio):
    venue, page, haircut, anna = studio
    secret = keys.create_key(name="Retry", scope=BOOKING)[1]

    def attempt(index):
        response = post_booking(secret, venue, haircut, "the-same-key", "olga@example.com")
        return response.status_code, response.json()

    results = run_concurrently(20, attempt)
    assert {status for status, _body in results} == {201}
    assert len({body["reference"] for _status, body in results}) == 1
    assert Appointment.objects.count() == 1 and IdempotentRequest.objects.count() == 1
