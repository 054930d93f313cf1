"""The services (with prices) and the team as lists for content pages.

Registered as `register_content_listing` hooks (booking/wagtail_hooks.py): an editor puts a
"List from the booking system" block on a page and it shows the same Service and Staff
records — names, descriptions, prices — that the booking wizard offers."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import Service, Staff


def _in_active_locale(queryset):
    """Records in the visitor's language; the default-language record where one is untranslated."""
    default = Locale.get_default()
    active = Locale.get_active()
    rows = list(queryset.filter(locale__in={default.pk, active.pk}))
    chosen = {}
    for row in rows:
        if row.locale_id == active.pk or row.translation_key not in chosen:
            chosen[row.translation_key] = row
    order = [r.translation_key for r in rows if r.locale_id == default.pk]
    return [chosen[key] for key in order if key in chosen]


def services(context):
    rows = _in_active_locale(Service.objects.filter(active=True).order_by("price", "name"))
    return render_to_string("booking/listings/services.html", {"services": rows}, request=context.get("request"))


def team(context):
    rows = _in_active_locale(Staff.objects.filter(active=True).select_related("photo").order_by("name"))
    return render_to_string("booking/listings/team.html", {"staff": rows}, request=context.get("request"))


LISTINGS = [
    ("booking.services", _("Services and prices"), services),
    ("booking.team", _("Team"), team),
]
