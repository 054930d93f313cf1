"""Booking test data: a venue in Berlin open Mon–Sat, two staff members, two services."""

from datetime import UTC, datetime, time

from wagtail.models import Locale

from booking.models import BookingPage, OpeningHours, Service, Staff, VenuePage
from booking.operations import book


def make_venue(home, time_zone="Europe/Berlin", slug="studio"):
    venue = VenuePage(
        title="Studio Mitte",
        slug=slug,
        address="Torstraße 1\n10119 Berlin",
        time_zone=time_zone,
        phone="+49 30 123456",
        locale=Locale.get_default(),
    )
    for weekday in range(6):
        venue.opening_hours.add(OpeningHours(weekday=weekday, opens=time(9), closes=time(13)))
        venue.opening_hours.add(OpeningHours(weekday=weekday, opens=time(14), closes=time(18)))
    home.add_child(instance=venue)
    venue.save_revision().publish()
    return venue


def make_booking_page(venue, slug="book"):
    page = BookingPage(title="Book an appointment", slug=slug, locale=venue.locale)
    venue.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_service(name="Haircut", minutes=60, **extra):
    extra.setdefault("min_notice_hours", 0)
    return Service.objects.create(name=name, duration_minutes=minutes, price=40, **extra)


def make_staff(venue, name, services):
    staff = Staff.objects.create(name=name, venue=venue)
    staff.services.set(services)
    staff.save()
    return staff


MONDAY_10AM = datetime(2030, 6, 3, 8, tzinfo=UTC)  # Monday 3 June 2030, 10:00 in Berlin


def make_studio(home, **haircut_options):
    """A venue with its booking page, a one-hour haircut and Anna, who does it:
    (venue, page, haircut, anna)."""
    venue = make_venue(home)
    page = make_booking_page(venue)
    haircut = make_service("Haircut", 60, **haircut_options)
    return venue, page, haircut, make_staff(venue, "Anna", [haircut])


def book_at(venue, service, staff, start=MONDAY_10AM, page=None, **details):
    """An appointment (booking.operations.book) for Olga unless `details` name another client;
    booked through `page` when given (its emails then link to the page's manage view)."""
    details = {"client_name": "Olga", "client_email": "olga@example.com", **details}
    return book(venue=venue, service=service, staff=staff, start=start, booking_page=page, **details)
