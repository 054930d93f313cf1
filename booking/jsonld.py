"""schema.org for bookings, contributed to the one JSON-LD graph (pages.jsonld):
LocalBusiness hours from the same opening hours that drive availability, Service
entries and a ReserveAction pointing at the booking page."""

from wagtail.models import Locale

from core.money import money

from .models import BookingPage, Service, VenuePage, canonical
from .schedule import venue_hours

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def opening_hours_specification(hours):
    """{weekday: [TimeRange]} → OpeningHoursSpecification nodes, days with equal ranges grouped."""
    grouped = {}
    for weekday in sorted(hours):
        for rng in sorted(hours[weekday]):
            grouped.setdefault((rng.start, rng.end), []).append(DAY_NAMES[weekday])
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": start.strftime("%H:%M"),
            "closes": end.strftime("%H:%M"),
        }
        for (start, end), days in sorted(grouped.items(), key=lambda item: (DAY_NAMES.index(item[1][0]), item[0]))
    ]


def _absolute(request, url):
    return url if url.startswith("http") else request.build_absolute_uri(url)


def booking_nodes(page, request, ctx):
    """LocalBusiness details and Service nodes on venue and booking pages (the
    `construct_jsonld_graph` hook, booking/wagtail_hooks.py)."""
    page = getattr(page, "specific", page)
    if not isinstance(page, VenuePage | BookingPage):
        return []
    venue = canonical(page) if isinstance(page, VenuePage) else page.get_venue()
    if venue is None:
        return []
    shown = venue.localized if isinstance(page, BookingPage) else page
    business = ctx.business
    if business.get("@type") in (None, "Organization"):
        business["@type"] = "LocalBusiness"
    business.setdefault("name", shown.title)
    if venue.phone:
        business.setdefault("telephone", venue.phone)
    business.setdefault("address", {"@type": "PostalAddress", "streetAddress": ", ".join(shown.address.splitlines())})
    if venue.latitude is not None and venue.longitude is not None:
        business["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    business["openingHoursSpecification"] = opening_hours_specification(venue_hours(venue))

    booking_page = page if isinstance(page, BookingPage) else BookingPage.objects.live().child_of(page).first()
    if booking_page is not None:
        business["potentialAction"] = {
            "@type": "ReserveAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": _absolute(request, booking_page.url),
                "inLanguage": booking_page.locale.language_code,
                "actionPlatform": ["http://schema.org/DesktopWebPlatform", "http://schema.org/MobileWebPlatform"],
            },
            "result": {"@type": "Reservation", "name": booking_page.title},
        }

    locale = Locale.get_active()
    canonical_services = Service.objects.filter(locale=Locale.get_default(), active=True, staff__venue=venue).distinct()
    keys = {s.translation_key: s for s in canonical_services}
    shown_services = {s.translation_key: s for s in Service.objects.filter(translation_key__in=keys, locale=locale)}
    nodes = []
    for key, service in keys.items():
        text = shown_services.get(key, service)
        price = money(service.price)
        node = {
            "@type": "Service",
            "@id": f"{ctx.site_url}#service-{service.pk}",
            "name": text.name,
            "provider": {"@id": ctx.business_id},
            "offers": {"@type": "Offer", "price": price.schema_price, "priceCurrency": price.currency},
        }
        if text.description:
            node["description"] = text.description
        nodes.append(node)
    return nodes
