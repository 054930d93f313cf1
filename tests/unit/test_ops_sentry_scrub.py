from django.core.exceptions import DisallowedHost
from django.http import Http404

from ops.sentry import FILTERED, before_send, scrub, scrub_text


def test_scrub_text_patterns():
    text = (
        "mail jane@example.org secret pi_123_secret_456abc tok_abcdefgh1234 pm_1AbCdEfGhIjK "
        "card 4000-0566-5566-5556 phone +44 20 7946 0958 or 030 12345678 ip 10.1.2.3 ::ffff:1:2 "
        "Authorization: Bearer abc.def.ghi"
    )
    cleaned = scrub_text(text)
    for secret in ["jane@example.org", "pi_123_secret", "tok_abcdefgh1234", "pm_1AbCdEfGhIjK", "4000-0566",
                   "7946", "12345678", "10.1.2.3", "abc.def.ghi"]:  # fmt: skip
        assert secret not in cleaned, secret
    assert "mail" in cleaned and "card" in cleaned


def test_scrub_keys_anywhere():
    event = {
        "request": {
            "headers": {"Authorization": "x", "Cookie": "y", "X-Forwarded-For": "z", "Accept": "text/html"},
            "data": {"line1": "Main St 1", "postcode": "12345", "message": "hello", "shipping_address": {"a": 1}},
        },
        "extra": {"stripe_payload": {"x": 1}, "client_secret": "abc", "count": 3},
        "exception": {"values": [{"type": "ValueError", "value": "boom", "module": "x"}]},
    }
    cleaned = scrub(event)
    assert cleaned["request"]["headers"] == {
        "Authorization": FILTERED, "Cookie": FILTERED, "X-Forwarded-For": FILTERED, "Accept": "text/html"
    }  # fmt: skip
    assert cleaned["request"]["data"] == {
        "line1": FILTERED, "postcode": FILTERED, "message": "hello", "shipping_address": FILTERED
    }  # fmt: skip
    assert cleaned["extra"] == {"stripe_payload": FILTERED, "client_secret": FILTERED, "count": 3}
    assert cleaned["exception"] == event["exception"]


def test_before_send_drops_404_and_disallowed_host_and_trims_the_user():
    assert before_send({}, {"exc_info": (Http404, Http404(), None)}) is None
    assert before_send({}, {"exc_info": (DisallowedHost, DisallowedHost(), None)}) is None
    assert before_send({"logger": "django.security.DisallowedHost"}, {}) is None
    event = before_send({"user": {"id": 7, "email": "a@b.cd", "ip_address": "1.2.3.4"}, "request": {"cookies": {}}}, {})
    assert event["user"] == {"id": 7} and "cookies" not in event["request"]
