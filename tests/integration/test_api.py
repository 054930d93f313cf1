"""The booking API over HTTP (/api/v1/): keys and scopes, localized catalogue, free slots in the
venue's time zone, idempotent booking, read/cancel/reschedule with the website's window, a staff
member's day, JSON errors with stable codes, per-key limits and the lockout for guessed keys."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from api import keys
from api.models import BOOKING, READ, STAFF, ApiKey, IdempotentRequest
from booking import states
from booking.models import Appointment
from booking.privacy import Bookings
from bot.linking import read_token
from core.accounts import mark_verified
from tests.booking_fixtures import book_at, make_booking_page, make_service, make_staff, make_venue

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday
MONDAY_10 = "2030-06-03T10:00:00+02:00"


@pytest.fixture(autouse=True)
def frozen_time():
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def studio(home_page):
    venue = make_venue(home_page)
    make_booking_page(venue)
    haircut = make_service("Haircut", 60, buffer_after_minutes=15)
    anna = make_staff(venue, "Anna", [haircut])
    return venue, haircut, anna


def auth(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def booking_key(studio):
    return keys.create_key(name="Partner", scope=BOOKING)[1]


def book_request(client, secret, venue, service, idem="k1", **body):
    payload = {
        "venue_id": venue.pk,
        "service_id": service.pk,
        "start": MONDAY_10,
        "client_name": "Olga",
        "client_email": "olga@example.com",
        **body,
    }
    return client.post(
        "/api/v1/bookings", payload, content_type="application/json", HTTP_IDEMPOTENCY_KEY=idem, **auth(secret)
    )


def test_catalogue_is_listed_and_localized(client, studio, booking_key):
    venue, haircut, anna = studio
    venues = client.get("/api/v1/venues", **auth(booking_key))
    assert venues.status_code == 200
    assert venues.json() == [
        {
            "id": venue.pk,
            "name": "Studio Mitte",
            "address": venue.address,
            "phone": venue.phone,
            "time_zone": "Europe/Berlin",
        }
    ]
    services = client.get(f"/api/v1/venues/{venue.pk}/services", **auth(booking_key)).json()
    assert [(s["id"], s["name"], s["duration_minutes"], s["price"]) for s in services] == [
        (haircut.pk, "Haircut", 60, "40.00")
    ]
    staff = client.get(f"/api/v1/venues/{venue.pk}/staff?service_id={haircut.pk}", **auth(booking_key)).json()
    assert staff == [{"id": anna.pk, "name": "Anna", "bio": "", "service_ids": [haircut.pk]}]


def test_errors_are_json_with_a_stable_code_in_the_requests_language(client, studio, booking_key):
    response = client.get("/api/v1/venues/999999/services", HTTP_ACCEPT_LANGUAGE="de", **auth(booking_key))
    assert response.status_code == 404
    assert response.json()["code"] == "venue_not_found"
    assert response["Content-Language"] == "de"
    english = client.get("/api/v1/venues/999999/services?lang=en", **auth(booking_key)).json()
    german = response.json()["message"]
    assert german != english["message"] and german
    for lang in ("ru", "uk"):
        other = client.get(f"/api/v1/venues/999999/services?lang={lang}", **auth(booking_key)).json()
        assert other["code"] == "venue_not_found" and other["message"] not in (german, english["message"])
    bad = client.get("/api/v1/venues/abc/services?lang=ru", **auth(booking_key))
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_input"
    none = client.get("/api/v1/venues")
    assert none.status_code == 401 and none.json()["code"] == "unauthorized"


def test_slots_are_in_the_venue_time_zone_and_the_range_is_bounded(client, studio, booking_key):
    venue, haircut, anna = studio
    url = f"/api/v1/venues/{venue.pk}/slots?service_id={haircut.pk}"
    response = client.get(url + "&start_date=2030-06-03&end_date=2030-06-03", **auth(booking_key))
    assert response.status_code == 200
    body = response.json()
    assert body["time_zone"] == "Europe/Berlin"
    assert body["slots"][0] == {
        "start": "2030-06-03T09:00:00+02:00",
        "end": "2030-06-03T10:00:00+02:00",
        "staff_id": anna.pk,
    }
    assert {slot["staff_id"] for slot in body["slots"]} == {anna.pk}
    for query, code in [
        ("&start_date=2030-06-03&end_date=2030-07-30", "invalid_range"),
        ("&start_date=2030-06-05&end_date=2030-06-03", "invalid_range"),
        ("&start_date=9999-12-30&end_date=9999-12-31", "invalid_date"),
        ("&start_date=2030-02-30&end_date=2030-06-03", "invalid_input"),
        ("&start_date=2030-06-03", "invalid_input"),
    ]:
        answer = client.get(url + query, **auth(booking_key))
        assert (answer.status_code, answer.json()["code"]) == (422, code), query


def test_a_booking_is_made_once_whatever_the_retries(
    client, studio, booking_key, django_capture_on_commit_callbacks, run_tasks
):
    venue, haircut, anna = studio
    with django_capture_on_commit_callbacks(execute=True):
        first = book_request(client, booking_key, venue, haircut)
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["status"] == states.CONFIRMED and body["start"] == MONDAY_10 and body["staff_id"] == anna.pk
    assert body["end"] == "2030-06-03T11:00:00+02:00" and body["time_zone"] == "Europe/Berlin"
    with django_capture_on_commit_callbacks(execute=True):
        retry = book_request(client, booking_key, venue, haircut)
    assert (retry.status_code, retry.json()) == (201, body)
    assert Appointment.objects.count() == 1
    run_tasks()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["olga@example.com"]
    other_body = book_request(client, booking_key, venue, haircut, client_name="Someone else")
    assert (other_body.status_code, other_body.json()["code"]) == (422, "idempotency_key_reused")
    taken = book_request(client, booking_key, venue, haircut, idem="k2", client_email="b@example.com")
    assert (taken.status_code, taken.json()["code"]) == (409, "slot_taken")
    assert Appointment.objects.count() == 1
    missing = client.post(
        "/api/v1/bookings", {"venue_id": venue.pk}, content_type="application/json", **auth(booking_key)
    )
    assert (missing.status_code, missing.json()["code"]) == (422, "invalid_input")


def test_booking_input_is_validated_like_the_website(client, studio, booking_key):
    venue, haircut, anna = studio
    for body, code in [
        ({"client_email": "not-an-address"}, "invalid_input"),
        ({"start": "2030-06-03T10:00:00"}, "invalid_input"),  # no offset
        ({"start": "9999-12-31T23:59:00-12:00"}, "invalid_date"),
        ({"start": "2030-06-03T10:05:00+02:00"}, "slot_taken"),  # not a free start
        ({"service_id": 2**31 - 1}, "service_not_found"),
        ({"staff_id": 2**40}, "invalid_input"),
    ]:
        response = book_request(client, booking_key, venue, haircut, idem=str(body), **body)
        assert response.json()["code"] == code, body
    assert Appointment.objects.count() == 0 and IdempotentRequest.objects.count() == 0


def test_a_replay_keeps_no_copy_of_an_erased_customers_details(client, studio, booking_key, django_user_model):
    venue, haircut, anna = studio
    first = book_request(client, booking_key, venue, haircut, client_phone="+49 170 1234567")
    assert first.status_code == 201
    stored = IdempotentRequest.objects.get()
    assert "olga" not in str(stored.response).lower() and "1234567" not in str(stored.response)
    olga = django_user_model.objects.create_user(email="olga@example.com", password="pw-123456789")
    mark_verified(olga)
    Bookings.erase(olga)
    retry = book_request(client, booking_key, venue, haircut, client_phone="+49 170 1234567")
    assert retry.status_code == 201 and retry.json()["reference"] == first.json()["reference"]
    assert "olga" not in retry.content.decode().lower() and "1234567" not in retry.content.decode()
    assert Appointment.objects.count() == 1


def test_a_body_that_is_not_json_is_a_bad_request_not_a_server_error(client, studio, booking_key):
    """A form or multipart body is read as request.POST by a middleware before the API sees it."""
    venue, haircut, anna = studio
    fields = {"venue_id": venue.pk, "service_id": haircut.pk, "start": MONDAY_10, "client_name": "Olga"}
    for content_type in ("multipart", "application/x-www-form-urlencoded"):
        extra = {} if content_type == "multipart" else {"content_type": content_type}
        body = fields if content_type == "multipart" else "venue_id=1&service_id=1"
        response = client.post(
            "/api/v1/bookings", body, HTTP_IDEMPOTENCY_KEY=content_type, **extra, **auth(booking_key)
        )
        assert response.status_code == 400, content_type
        assert response.json()["code"] == "bad_request"
        response = client.post(
            "/api/v1/bookings/nope/reschedule", body, **extra, **auth(booking_key), HTTP_ACCEPT_LANGUAGE="de"
        )
        assert response.status_code == 400 and response.json()["code"] == "bad_request", content_type
    assert Appointment.objects.count() == 0 and IdempotentRequest.objects.count() == 0


@override_settings(BOOKING_LIMIT_EMAIL_PER_HOUR=1)
def test_the_websites_client_limits_apply(client, studio, booking_key):
    venue, haircut, anna = studio
    assert book_request(client, booking_key, venue, haircut).status_code == 201
    again = book_request(client, booking_key, venue, haircut, idem="k2", start="2030-06-03T14:00:00+02:00")
    assert (again.status_code, again.json()["code"]) == (429, "too_many_bookings")
    assert Appointment.objects.count() == 1


def test_read_cancel_and_reschedule_keep_the_cancellation_window(client, studio, booking_key):
    venue, haircut, anna = studio
    appointment = book_at(venue, haircut, anna)
    url = f"/api/v1/bookings/{appointment.manage_token}"
    read = client.get(url, **auth(booking_key))
    assert read.status_code == 200 and read.json()["can_change"] is True
    moved = client.post(
        url + "/reschedule",
        {"start": "2030-06-03T15:00:00+02:00"},
        content_type="application/json",
        **auth(booking_key),
    )
    assert moved.status_code == 200 and moved.json()["start"] == "2030-06-03T15:00:00+02:00"
    appointment.refresh_from_db()
    assert appointment.start == datetime(2030, 6, 3, 13, tzinfo=UTC)
    with time_machine.travel(datetime(2030, 6, 2, 14, tzinfo=UTC), tick=False):  # < 24 h before 15:00 Berlin
        late = client.post(url + "/cancel", **auth(booking_key))
        assert (late.status_code, late.json()["code"]) == (409, "change_not_allowed")
    cancelled = client.post(url + "/cancel", **auth(booking_key))
    assert cancelled.status_code == 200 and cancelled.json()["status"] == states.CANCELLED
    appointment.refresh_from_db()
    assert appointment.status == states.CANCELLED
    twice = client.post(url + "/cancel", **auth(booking_key))
    assert (twice.status_code, twice.json()["code"]) == (409, "already_closed")
    closed_move = client.post(
        url + "/reschedule",
        {"start": "2030-06-03T16:00:00+02:00"},
        content_type="application/json",
        **auth(booking_key),
    )
    assert (closed_move.status_code, closed_move.json()["code"]) == (409, "already_closed")
    assert client.get("/api/v1/bookings/nope", **auth(booking_key)).json()["code"] == "booking_not_found"


def test_scopes_and_the_venue_limit(client, studio, home_page):
    venue, haircut, anna = studio
    read_only = keys.create_key(name="Read", scope=READ)[1]
    denied = book_request(client, read_only, venue, haircut)
    assert (denied.status_code, denied.json()["code"]) == (403, "forbidden_scope")
    day = client.get(f"/api/v1/staff/{anna.pk}/day?date=2030-06-03", **auth(read_only))
    assert day.status_code == 403
    other = make_venue(home_page, slug="other")
    limited = keys.create_key(name="Other venue", scope=STAFF, venue=other)[1]
    assert client.get("/api/v1/venues", **auth(limited)).json()[0]["id"] == other.pk
    refused = client.get(f"/api/v1/venues/{venue.pk}/services", **auth(limited))
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden_venue")
    assert book_request(client, limited, venue, haircut).status_code == 403
    assert Appointment.objects.count() == 0


def test_a_staff_members_day(client, studio):
    venue, haircut, anna = studio
    appointment = book_at(venue, haircut, anna, note="Short please")
    staff_key = keys.create_key(name="Desk", scope=STAFF)[1]
    day = client.get(f"/api/v1/staff/{anna.pk}/day?date=2030-06-03", **auth(staff_key))
    assert day.status_code == 200
    assert day.json()["appointments"] == [
        {
            "reference": appointment.manage_token,
            "status": "confirmed",
            "start": MONDAY_10,
            "end": "2030-06-03T11:00:00+02:00",
            "service": "Haircut",
            "client_name": "Olga",
            "client_phone": "",
            "note": "Short please",
        }
    ]
    assert client.get(f"/api/v1/staff/{anna.pk}/day?date=2030-06-04", **auth(staff_key)).json()["appointments"] == []


def test_revoked_keys_fail_and_last_used_is_recorded(client, studio):
    key, secret = keys.create_key(name="Temp", scope=READ)
    assert key.last_used_at is None
    assert client.get("/api/v1/venues", **auth(secret)).status_code == 200
    key.refresh_from_db()
    assert key.last_used_at == NOW
    assert len(key.secret_hash) == 64 and key.secret_hash not in secret and key.prefix in secret
    keys.revoke(key)
    assert client.get("/api/v1/venues", **auth(secret)).status_code == 401


@override_settings(API_RATE_LIMIT_PER_MINUTE=3)
def test_each_key_is_rate_limited(client, studio):
    secret = keys.create_key(name="Busy", scope=READ)[1]
    codes = [client.get("/api/v1/venues", **auth(secret)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/v1/venues", **auth(secret)).json()["code"] == "rate_limited"
    other = keys.create_key(name="Calm", scope=READ)[1]
    assert client.get("/api/v1/venues", **auth(other)).status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3, OPS_LOGIN_RATE_LIMIT=100)
def test_guessing_keys_locks_the_client_out(client, studio):
    good = keys.create_key(name="Real", scope=READ)[1]
    answers = [client.get("/api/v1/venues", **auth(f"sk_guess{i}.x")).status_code for i in range(3)]
    assert answers == [401, 401, 401]
    locked = client.get("/api/v1/venues", **auth(good))
    assert (locked.status_code, locked.json()["code"]) == (429, "locked_out")
    from_elsewhere = client.get("/api/v1/venues", REMOTE_ADDR="203.0.113.9", **auth(good))
    assert from_elsewhere.status_code == 200


@override_settings(OPS_LOGIN_RATE_LIMIT=2, AXES_FAILURE_LIMIT=100)
def test_failed_keys_count_against_the_login_rate_limit(client, studio):
    answers = [client.get("/api/v1/venues", **auth("sk_bad.y")).json()["code"] for _ in range(3)]
    assert answers == ["unauthorized", "unauthorized", "rate_limited"]


def test_openapi_document_and_offline_docs_under_the_csp(client, home_page):
    document = client.get("/api/v1/openapi.json")
    assert document.status_code == 200
    spec = document.json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/venues", "/api/v1/bookings", "/api/v1/venues/{venue_id}/slots"} <= set(spec["paths"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower() and "/static/ninja/swagger-ui-bundle.js" in html
    policy = docs["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "<script>" not in html  # every script is a file from our origin (the settings are JSON data)
    assert ApiKey.objects.count() == 0


# --- the API's errors are always JSON -----------------------------------------------


def test_an_unknown_address_under_the_api_is_a_json_404_not_a_redirect(client, booking_key):
    for path in ("/api/v1/no-such-thing", "/api/v1/bookings/ABC/nothing", "/api/v1/venues/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="de", **auth(booking_key))
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["code"] == "not_found"
        assert response.json()["message"] == "Nicht gefunden."


def test_a_method_the_route_does_not_take_is_a_json_405_with_allow(client, booking_key):
    response = client.delete("/api/v1/venues?lang=ru", **auth(booking_key))
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "method_not_allowed"
    assert "DELETE" in response.json()["message"] and response.json()["message"].isascii() is False
    assert "GET" in response["Allow"]


def test_maintenance_mode_answers_the_api_with_a_json_503(client, booking_key, home_page):
    from core.models import SiteSettings

    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.maintenance_mode = True
    site_settings.save()
    response = client.get("/api/v1/venues", HTTP_ACCEPT_LANGUAGE="uk", **auth(booking_key))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "600"
    body = response.json()
    assert body["code"] == "maintenance" and not body["message"].isascii()
    page = client.get("/en/")
    assert page.status_code == 503 and page["Content-Type"].startswith("text/html")


# --- linking a client to a Telegram chat ----------------------------------------------


def test_telegram_link_is_the_signed_deep_link_of_the_booking(client, studio, booking_key):
    venue, haircut, _anna = studio
    reference = book_request(client, booking_key, venue, haircut).json()["reference"]
    url = f"/api/v1/bookings/{reference}/telegram-link"
    unavailable = client.post(url, HTTP_ACCEPT_LANGUAGE="de", **auth(booking_key))
    assert unavailable.status_code == 409 and unavailable.json()["code"] == "telegram_unavailable"
    with override_settings(TELEGRAM_BOT_TOKEN="123:abc", TELEGRAM_BOT_USERNAME="studio_bot", TELEGRAM_LINK_HOURS=72):
        response = client.post(url, **auth(booking_key))
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["url"].startswith("https://t.me/studio_bot?start=")
        appointment = Appointment.objects.get(manage_token=reference)
        assert read_token(body["url"].split("start=", 1)[1]) == appointment.pk
        assert body["expires_at"] == "2030-06-04T14:00:00+02:00"  # 72 h after now, venue time
        read_only = keys.create_key(name="Reader", scope=READ)[1]
        assert client.post(url, **auth(read_only)).json()["code"] == "forbidden_scope"
        assert client.post("/api/v1/bookings/nope/telegram-link", **auth(booking_key)).status_code == 404
    assert "telegram-link" in client.get("/api/v1/openapi.json").content.decode()


def test_core_400s_before_the_view_are_json_too(client, booking_key):
    nul = client.get("/api/v1/venues?lang=de&x=%00", **auth(booking_key))
    assert nul.status_code == 400 and nul["Content-Type"].startswith("application/json")
    assert nul.json()["code"] == "bad_request" and "NUL" in nul.json()["message"]
    assert nul.json()["message"] != "Bad request: the address, a form field or a cookie contains a NUL character."
    form = client.post("/api/v1/bookings", "a=b", content_type="multipart/form-data", **auth(booking_key))
    assert form.status_code == 400 and form.json()["code"] == "bad_request"
    page = client.get("/en/?x=%00")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/plain")
