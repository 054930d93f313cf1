"""The business's contact facts — name, address, phone, map link, opening hours — from one place.

The app that knows the venue (booking) supplies them through the `business_contact` Wagtail
hook; every page, footer, email and JSON-LD node asks `business_contact()` instead of
keeping its own copy. core/ knows nothing of venues: without a hook the answer is None and
callers fall back to their own fields.

    @hooks.register(BUSINESS_CONTACT)
    def venue_contact(language):  # -> BusinessContact | None
        ...
"""

from dataclasses import dataclass, field

from django.utils import translation
from wagtail import hooks

from .hooks import BUSINESS_CONTACT


@dataclass(frozen=True)
class BusinessContact:
    name: str
    address: str  # one line per row, in the visitor's language
    phone: str = ""
    map_url: str = ""
    hours: list = field(default_factory=list)  # [(day label, "09:00–13:00, 14:00–19:00")]

    @property
    def address_lines(self):
        return [line for line in self.address.splitlines() if line.strip()]

    @property
    def address_one_line(self):
        return ", ".join(self.address_lines)

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


def business_contact(request=None):
    """The business's contact facts in the active language (cached on the request), or None."""
    language = translation.get_language() or ""
    cache = getattr(request, "_business_contact", None) if request is not None else None
    if cache is not None and language in cache:
        return cache[language]
    result = None
    for supplier in hooks.get_hooks(BUSINESS_CONTACT):
        result = supplier(language)
        if result is not None:
            break
    if request is not None:
        if cache is None:
            cache = {}
            request._business_contact = cache
        cache[language] = result
    return result
