"""The venue is the business's one source of address, phone and opening hours.

Registered as the `business_contact` hook (booking/wagtail_hooks.py), so the contact page,
the footer, the JSON-LD graph, shop pickup notes and emails read the same facts as the
booking wizard and its emails."""

from wagtail.models import Locale

from core.business import BusinessContact

from .models import WEEKDAYS, VenuePage
from .schedule import venue_hours


def main_venue():
    """The first live venue in the default language (the demo business has one)."""
    return (
        VenuePage.objects.live()
        .filter(locale=Locale.get_default())
        .prefetch_related("opening_hours")
        .order_by("path")
        .first()
    )


def hours_rows(venue):
    """[(day label, "09:00–13:00, 14:00–19:00")] for the days the venue opens, Monday first."""
    labels = dict(WEEKDAYS)
    rows = []
    for weekday, ranges in sorted(venue_hours(venue).items()):
        text = ", ".join(f"{r.start:%H:%M}–{r.end:%H:%M}" for r in sorted(ranges))
        rows.append((str(labels[weekday]), text))
    return rows


def venue_contact(language):
    venue = main_venue()
    if venue is None:
        return None
    shown = venue
    if language and language != venue.locale.language_code:
        shown = VenuePage.objects.live().filter(translation_key=venue.translation_key, locale__language_code=language)
        shown = shown.first() or venue
    map_url = ""
    if venue.latitude is not None and venue.longitude is not None:
        lat, lon = venue.latitude, venue.longitude
        map_url = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    return BusinessContact(
        name=shown.title, address=shown.address, phone=venue.phone, map_url=map_url, hours=hours_rows(venue)
    )
