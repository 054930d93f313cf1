import json

from django.http import HttpResponse

from core.toasts import hx_toast, toast_payload


def test_hx_toast_sets_an_hx_trigger_event_with_message_and_level():
    response = hx_toast(HttpResponse(), "Gespeichert", "success")
    assert json.loads(response["HX-Trigger"]) == {"toast": {"message": "Gespeichert", "level": "success"}}


def test_hx_toast_keeps_other_triggers():
    response = HttpResponse()
    response["HX-Trigger"] = json.dumps({"basketChanged": {"count": 2}})
    hx_toast(response, "Added", "info")
    assert json.loads(response["HX-Trigger"]) == {
        "basketChanged": {"count": 2},
        "toast": {"message": "Added", "level": "info"},
    }
    response = HttpResponse()
    response["HX-Trigger"] = "refreshCalendar"
    hx_toast(response, "Moved", "warning")
    assert json.loads(response["HX-Trigger"])["refreshCalendar"] is True


def test_toast_text_is_plain_and_levels_are_normalised():
    assert toast_payload('<a href="/x">Added</a> to <strong>basket</strong>', "safe success") == {
        "message": "Added to basket",
        "level": "success",
    }
    assert toast_payload("Hi", "debug")["level"] == "info"
    assert toast_payload("Hi", "unknown")["level"] == "info"


def test_non_latin_messages_travel_as_ascii_json_in_the_header():
    response = hx_toast(HttpResponse(), "Это время только что заняли", "warning")
    header = response["HX-Trigger"]
    assert header.isascii()
    assert json.loads(header)["toast"]["message"] == "Это время только что заняли"
