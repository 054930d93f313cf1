"""Schemathesis against the API's own OpenAPI document (/api/v1/openapi.json), in-process through
Django's WSGI handler: generated valid and invalid requests to every operation, with a staff-scope
key, never get a 5xx and every answer matches the document (status code, content type, schema).

Left out: schemathesis' "schema-valid request accepted" check. A request can be schema-valid and
still wrong in a way OpenAPI cannot express (end_date before start_date, a range over 31 days, a
date in year 4908): the API answers those 422 with a stable code, which that check counts as a
failure. Invalid requests (negative mode) must still be rejected with a 4xx."""

from datetime import UTC, datetime

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api import keys
from api.models import STAFF
from tests.booking_fixtures import book_at, make_booking_page, make_service, make_staff, make_venue


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler, without closing the database connection after each request (as
    Django's test client does): on PostgreSQL that would close the test's own transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def schema(home_page, wsgi_app):
    venue = make_venue(home_page)
    make_booking_page(venue)
    haircut = make_service("Haircut", 60)
    anna = make_staff(venue, "Anna", [haircut])
    booked = book_at(venue, haircut, anna, start=datetime(2027, 3, 15, 9, tzinfo=UTC))  # the clock: 2027-03-10
    known = {"venue_id": venue.pk, "staff_id": anna.pk, "reference": booked.manage_token}
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app), known


@pytest.mark.parametrize(
    "mode, with_known_ids",
    [(GenerationMode.POSITIVE, False), (GenerationMode.POSITIVE, True), (GenerationMode.NEGATIVE, False)],
)
@override_settings(API_RATE_LIMIT_PER_MINUTE=100_000, BOOKING_LIMIT_IP_PER_HOUR=100_000)
def test_every_operation_answers_as_documented(schema, mode, with_known_ids):
    """with_known_ids: the path names the real venue, staff member and booking (so the generated
    query and body reach the slots engine, the booking operations and the staff day)."""
    schema, known = schema
    secret = keys.create_key(name="Schemathesis", scope=STAFF)[1]
    strategy = schema.as_strategy(
        mode, headers={"Authorization": f"Bearer {secret}"}, path_parameters=known if with_known_ids else None
    )

    @settings(
        max_examples=100,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def call(case):
        case.call_and_validate(
            headers={"Authorization": f"Bearer {secret}"}, excluded_checks=[positive_data_acceptance]
        )

    call()
