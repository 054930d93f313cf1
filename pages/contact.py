"""Contact form handling: honeypot, rate limit, storage, and the owner's email."""

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.emails import queue_email

HONEYPOT_FIELD = "website"
RATE_LIMIT = 5  # submissions per address…
RATE_WINDOW = 600  # …per ten minutes
DEFAULT_THANKS = _("Thank you! Your message has been sent. We will get back to you soon.")
TOO_MANY = _("You have sent several messages in a short time. Please wait a few minutes and try again.")


@dataclass
class Outcome:
    accepted: bool
    status: int = 200


def add_honeypot(form):
    """A field people never see; bots fill it in."""
    form.fields[HONEYPOT_FIELD] = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    return form


def handle_submission(page, request, form):
    if not ratelimit.hit("contact", ratelimit.client_address(request), RATE_LIMIT, RATE_WINDOW):
        form.add_error(None, TOO_MANY)
        return Outcome(accepted=False, status=429)
    if not form.is_valid():
        return Outcome(accepted=False, status=400)
    if form.cleaned_data.pop(HONEYPOT_FIELD, ""):
        # Looks like a bot: answer as if it worked, store and send nothing.
        return Outcome(accepted=True)
    page.process_form_submission(form)
    return Outcome(accepted=True)


def _plain(value):
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def queue_owner_email(page, form):
    recipients = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not recipients:
        return
    fields = [
        {"label": str(field.label), "value": _plain(form.cleaned_data.get(field.name))}
        for field in form
        if field.name in form.cleaned_data and field.name != HONEYPOT_FIELD
    ]
    reply_to = next(
        (
            form.cleaned_data[f.name]
            for f in form
            if isinstance(f.field, forms.EmailField) and form.cleaned_data.get(f.name)
        ),
        None,
    )
    queue_email(
        "pages/contact_submission",
        {"page_title": page.title, "subject": page.subject or page.title, "fields": fields},
        recipients,
        settings.LANGUAGE_CODE,
        reply_to=reply_to,
    )
