"""JSON-LD: LocalBusiness hours from the venue's opening hours, services and a ReserveAction."""

import json
import re
from datetime import time

from booking.availability import TimeRange
from booking.jsonld import opening_hours_specification
from tests.booking_fixtures import make_booking_page, make_service, make_staff, make_venue


def graph(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "one graph per page"
    return json.loads(blocks[0])["@graph"]


def test_hours_are_grouped_by_identical_ranges():
    hours = {
        0: [TimeRange(time(9), time(13)), TimeRange(time(14), time(18))],
        1: [TimeRange(time(9), time(13)), TimeRange(time(14), time(18))],
        5: [TimeRange(time(10), time(16))],
    }
    assert opening_hours_specification(hours) == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Monday", "Tuesday"], "opens": "09:00", "closes": "13:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Monday", "Tuesday"], "opens": "14:00", "closes": "18:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Saturday"], "opens": "10:00", "closes": "16:00"},
    ]


def test_venue_and_booking_pages_describe_the_business(client, home_page):
    venue = make_venue(home_page)
    page = make_booking_page(venue)
    haircut = make_service("Haircut", 45)
    make_staff(venue, "Anna", [haircut])
    for url in (venue.url, page.url):
        nodes = graph(client.get(url).content.decode())
        business = next(n for n in nodes if n.get("@type") == "LocalBusiness")
        days = {d for spec in business["openingHoursSpecification"] for d in spec["dayOfWeek"]}
        assert days == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
        assert {(s["opens"], s["closes"]) for s in business["openingHoursSpecification"]} == {
            ("09:00", "13:00"),
            ("14:00", "18:00"),
        }
        assert business["potentialAction"]["@type"] == "ReserveAction"
        assert business["potentialAction"]["target"]["urlTemplate"].endswith(page.url)
        services = [n for n in nodes if n.get("@type") == "Service"]
        assert [s["name"] for s in services] == ["Haircut"]
        assert services[0]["provider"] == {"@id": business["@id"]}
