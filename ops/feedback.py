"""The feedback widget: form, spam checks and the view behind it."""

import logging
import re
import time
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core.emails import queue_email
from core.ratelimit import ratelimit

from . import secret_urls
from .models import Feedback

logger = logging.getLogger(__name__)
TIMESTAMP_SALT = "ops.feedback.started"
VIEWPORT = re.compile(r"^\d{2,5}x\d{2,5}$")


def started_token():
    """A signed render time; the form must not come back faster than a person can type."""
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Please write a message.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("Email (optional, if you would like an answer)"),
        required=False,
        max_length=254,
    )
    rating = forms.TypedChoiceField(
        label=gettext_lazy("How do you like this page?"),
        choices=[(str(i), str(i)) for i in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    # Hidden context, filled by the template and the widget's script.
    page_url = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    page_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    viewport = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people (CSS and aria-hidden), filled by naive bots.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 3:
            raise forms.ValidationError(_("Please write a little more."))
        return message

    def clean_viewport(self):
        value = self.cleaned_data["viewport"]
        return value if VIEWPORT.match(value or "") else ""

    def clean(self):
        data = super().clean()
        try:
            started = signing.loads(data.get("started") or "", salt=TIMESTAMP_SALT)
        except signing.BadSignature:
            started = None
        minimum = settings.OPS_FEEDBACK_MIN_SECONDS
        if started is None or time.time() - float(started) < minimum:
            raise forms.ValidationError(_("That was very quick. Please check your message and send it again."))
        return data

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


def notify_editors(feedback, request):
    """Email everyone who may handle feedback (superusers and holders of ops.change_feedback)."""
    User = get_user_model()
    recipients = (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="change_feedback", user_permissions__content_type__app_label="ops")
            | Q(groups__permissions__codename="change_feedback", groups__permissions__content_type__app_label="ops")
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )
    by_language = {}
    for user in recipients:
        profile = getattr(user, "wagtail_userprofile", None)
        language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
        by_language.setdefault(language, []).append(user.email)
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("ops_feedback:inspect", args=[feedback.pk])
    context = {
        "message": feedback.message,
        "email": feedback.email,
        "rating": feedback.rating,
        # Absolute links in emails always start with BASE_URL, never with the request's Host.
        "page_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + feedback.page_url if feedback.page_url else "",
        "locale": feedback.locale,
        "admin_url": admin_url,
    }
    for language, emails in by_language.items():
        queue_email("ops/feedback_received", context, emails, language, reply_to=feedback.email or None)


def safe_page_url(request, url):
    return url if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) else ""


@require_POST
@ratelimit("feedback", limit=5, window_seconds=600)
def feedback_view(request):
    form = FeedbackForm(request.POST)
    htmx = bool(getattr(request, "htmx", False))
    if not form.is_valid():
        if htmx:
            return render(request, "ops/feedback_form.html", {"feedback_form": form}, status=200)
        for error in form.non_field_errors() or [_("Please check the feedback form.")]:
            messages.error(request, error)
        return HttpResponseRedirect(safe_page_url(request, form.data.get("page_url")) or f"/{get_language()}/")
    data = form.cleaned_data
    page_url = safe_page_url(request, data["page_url"])
    if not form.is_spam():
        page = Page.objects.filter(pk=data["page_id"]).first() if data.get("page_id") else None
        feedback = Feedback.objects.create(
            message=data["message"],
            email=data["email"],
            rating=data["rating"],
            # The path only, secret parts masked: a manage link's token never reaches the inbox or email.
            page_url=secret_urls.redact(urlsplit(page_url).path)[:500],
            page=page,
            locale=get_language() or "",
            viewport=data["viewport"],
            user=request.user if request.user.is_authenticated else None,
        )
        try:
            notify_editors(feedback, request)
        except Exception:  # the visitor's message is saved; a mail problem must not lose it
            logger.exception("could not queue the feedback notification")
    thanks = _("Thank you! Your feedback has been sent.")
    if htmx:
        # Shown in place of the form (the widget stays open), so no toast as well.
        return render(request, "ops/feedback_thanks.html", {"thanks": thanks})
    messages.success(request, thanks)
    return HttpResponseRedirect(page_url or f"/{get_language()}/")
