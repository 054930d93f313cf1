"""The booking wizard's views, the routes of a BookingPage (booking/routes.py):
service → staff → date → time → details → confirm, then the done, manage and "my bookings" pages.

The choices live in the querystring, read and written by wizard_state.py (plain Python); these
views look the chosen ids up, render the step and call operations.py to book, move or cancel.
HTMX requests get only the wizard fragment; anything else gets the full page. Contact details
are kept in the session between the details and confirm steps. The final POST works with or
without JavaScript.
"""

import calendar
from dataclasses import replace
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Locale

from core.accounts import guest_rows, verified_email
from core.addresses import canonical_email
from core.hooks import REGISTER_APPOINTMENT_LINKS
from core.ratelimit import client_address, ratelimit, too_many_requests
from core.toasts import hx_toast

from . import checkin, operations, states, wizard_state
from .availability import first_free_per_start
from .models import Appointment, Service, Staff
from .operations import ChangeNotAllowed, Refused, SlotTaken
from .schedule import bookable_staff, find_slots
from .wizard_state import STEPS, WizardState

SESSION_KEY = "booking_contact"
INVALID_CHOICE = gettext_lazy("Some of your choices are not valid or no longer available. Please choose again.")


class ContactForm(forms.Form):
    client_name = forms.CharField(label=gettext_lazy("Your name"), max_length=120)
    client_email = forms.EmailField(label=gettext_lazy("Email"))
    client_phone = forms.CharField(label=gettext_lazy("Phone (optional)"), max_length=40, required=False)
    note = forms.CharField(
        label=gettext_lazy("Anything we should know? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_client_email(self):
        # "victim@ｅxample.com" is delivered to victim@example.com: store (and limit) it as such.
        return canonical_email(self.cleaned_data["client_email"])


# --- state lookups ---------------------------------------------------------------


class VenueFinder:
    """The wizard state's lookups (wizard_state.Finder) at one venue: the only queries made
    while reading a state."""

    def __init__(self, venue):
        self.venue = venue

    def appointment(self, token):
        return (
            Appointment.objects.select_related("service", "staff").filter(manage_token=token, venue=self.venue).first()
        )

    def service(self, service_id):
        return Service.objects.filter(
            pk=service_id, active=True, locale=Locale.get_default(), staff__venue=self.venue
        ).first()

    def staff(self, staff_id, service):
        return Staff.objects.filter(pk=staff_id, venue=self.venue, services=service, active=True).first()


# --- localisation helpers --------------------------------------------------------


def localized_map(objects):
    """{canonical pk: translation in the active locale (or the object)} with one query."""
    objects = list(objects)
    if not objects:
        return {}
    locale = Locale.get_active()
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=[o.translation_key for o in objects], locale=locale)
    }
    return {o.pk: translations.get(o.translation_key, o) for o in objects}


def localized(obj):
    return localized_map([obj]).get(obj.pk, obj) if obj is not None else None


# --- step contexts -----------------------------------------------------------------


def venue_services(venue):
    return list(
        Service.objects.filter(locale=Locale.get_default(), active=True, staff__venue=venue, staff__active=True)
        .distinct()
        .order_by("name")
    )


def month_calendar(venue, state, chosen, now):
    tz = venue.zone
    today = now.astimezone(tz).date()
    rules = chosen.service.rules
    last_bookable = (now + rules.horizon).astimezone(tz).date()
    month = state.month or today.replace(day=1)
    month = month.replace(day=1)
    if month < today.replace(day=1):
        month = today.replace(day=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first, last = max(weeks[0][0], today), weeks[-1][-1]
    slots = find_slots(venue, chosen.service, first, last, staff=chosen.staff, now=now) if first <= last else []
    free_days = {slot.start.astimezone(tz).date() for slot in slots}
    rows = []
    for week in weeks:
        rows.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month.month,
                    "free": day in free_days,
                    "today": day == today,
                    "url": state.query(day=day, month=None, start=None),
                }
                for day in week
            ]
        )
    previous_month = (month - timedelta(days=1)).replace(day=1)
    next_month = (month + timedelta(days=32)).replace(day=1)
    return {
        "weeks": rows,
        "weekday_names": [formats.date_format(day, "D") for day in weeks[0]],
        "month_label": formats.date_format(month, "YEAR_MONTH_FORMAT"),
        "previous_url": state.query(month=previous_month) if previous_month >= today.replace(day=1) else "",
        "next_url": state.query(month=next_month) if next_month <= last_bookable else "",
        "has_free_days": bool(free_days),
    }


def day_slots(venue, state, chosen, now):
    tz = venue.zone
    slots = find_slots(
        venue,
        chosen.service,
        state.day,
        state.day,
        staff=chosen.staff,
        now=now,
        exclude_appointment=chosen.appointment,
    )
    if state.anyone:
        slots = first_free_per_start(slots)
    return [
        {"label": slot.start.astimezone(tz).strftime("%H:%M"), "url": state.query(start=slot.start, step_param="")}
        for slot in slots
        if slot.start.astimezone(tz).date() == state.day
    ]


def start_is_free(venue, state, chosen, now):
    slots = find_slots(
        venue,
        chosen.service,
        state.day,
        state.day,
        staff=chosen.staff,
        now=now,
        pack=False,
        exclude_appointment=chosen.appointment,
    )
    return any(slot.start == state.start for slot in slots)


def summary(venue, state, chosen):
    tz = venue.zone
    context = {"service": localized(chosen.service), "venue": localized(venue)}
    if chosen.staff is not None:
        context["staff"] = localized(chosen.staff)
    if state.day is not None:
        context["day_label"] = formats.date_format(state.day, "DATE_FORMAT")
    if state.start is not None:
        local = state.start.astimezone(tz)
        context["time_label"] = local.strftime("%H:%M")
        context["end_label"] = (state.start + chosen.service.rules.duration).astimezone(tz).strftime("%H:%M")
    return context


def build_context(page, request, venue, state, chosen, step, form=None, error=""):
    now = timezone.now()
    base = page.url
    context = {
        "page": page,
        "venue": venue,
        "state": state,
        "step": step,
        "step_number": STEPS.index(step) + 1,
        "steps": STEPS,
        "error": error,
        "page_url": base,
        "book_url": base + page.reverse_subpage("book"),
        "time_zone": venue.time_zone,
        "hidden": state.params(step_param=""),
        "restart_url": base + (state.query(service=None, staff=None, anyone=False, day=None, start=None)),
    }
    if chosen.service is not None:
        context["summary"] = summary(venue, state, chosen)
        context["back_to_service"] = base + WizardState(reschedule=state.reschedule).query()
        context["back_to_staff"] = base + state.query(staff=None, anyone=False, day=None, month=None, start=None)
        month = state.day.replace(day=1) if state.day else None
        context["back_to_date"] = base + state.query(day=None, start=None, month=month)
        context["back_to_time"] = base + state.query(start=None, step_param="")
        context["details_url"] = base + state.query(step_param="")
    if step == "service":
        services = venue_services(venue)
        names = localized_map(services)
        context["services"] = [
            {"service": names[s.pk], "url": base + state.query(service=s.pk, staff=None, anyone=False)}
            for s in services
        ]
    elif step == "staff":
        members = bookable_staff(venue, chosen.service)
        names = localized_map(members)
        context["staff_choices"] = [
            {"staff": names[m.pk], "url": base + state.query(staff=m.pk, anyone=False)} for m in members
        ]
        context["anyone_url"] = base + state.query(staff=None, anyone=True)
    elif step == "date":
        context["calendar"] = month_calendar(venue, state, chosen, now)
        for row in context["calendar"]["weeks"]:
            for cell in row:
                cell["url"] = base + cell["url"]
        for key in ("previous_url", "next_url"):
            if context["calendar"][key]:
                context["calendar"][key] = base + context["calendar"][key]
    elif step == "time":
        context["slots"] = [{**slot, "url": base + slot["url"]} for slot in day_slots(venue, state, chosen, now)]
    elif step == "details":
        if form is None:
            initial = request.session.get(SESSION_KEY) or {}
            if not initial and request.user.is_authenticated:
                initial = {"client_name": request.user.get_full_name(), "client_email": request.user.email}
            form = ContactForm(initial=initial)
        context["form"] = form
    elif step == "confirm":
        context["contact"] = request.session.get(SESSION_KEY) or {}
    return context


def render_step(page, request, context, status=200):
    is_fragment = request.htmx and not request.htmx.history_restore_request
    template = "booking/wizard/wizard.html" if is_fragment else "booking/booking_page.html"
    if is_fragment:
        response = HttpResponse(render_to_string(template, context, request=request), status=status)
    else:
        context = {**page.get_context(request), **context}
        response = render(request, template, context, status=status)
    response["Vary"] = "HX-Request"
    add_never_cache_headers(response)
    return response


def _venue_or_404(page):
    venue = page.get_venue()
    if venue is None:
        raise Http404("No venue")
    return venue


def _has_contact(request):
    return bool(request.session.get(SESSION_KEY))


# --- views: the BookingPage routes (booking/routes.py), each called as view(page, request, ...) ------


def wizard(page, request):
    venue = _venue_or_404(page)
    state, chosen = wizard_state.parse(request.GET, VenueFinder(venue))
    step = state.step(_has_contact(request))
    error = INVALID_CHOICE if state.invalid else ""
    if step in ("details", "confirm") and not start_is_free(venue, state, chosen, timezone.now()):
        step, error = "time", _("This time is no longer available. Please pick another.")
        state = replace(state, start=None, step_param="")
    return render_step(page, request, build_context(page, request, venue, state, chosen, step, error=error))


def _taken(page, request, venue, state, chosen):
    state = replace(state, start=None, step_param="")
    message = _("This time was just taken, please pick another.")
    context = build_context(page, request, venue, state, chosen, "time", error=message)
    response = render_step(page, request, context, status=409)
    if request.htmx:
        response["HX-Push-Url"] = page.url + state.query()
        hx_toast(response, message, "warning")
    return response


def _refused(request, message):
    response = too_many_requests(request, message, retry_after=3600)
    if request.htmx:
        hx_toast(response, message, "warning")
    return response


@method_decorator(ratelimit("booking", limit=20, window_seconds=60))
def book(page, request):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    venue = _venue_or_404(page)
    state, chosen = wizard_state.parse(request.POST, VenueFinder(venue))
    step = replace(state, step_param="").step(_has_contact(request))
    if step not in ("details", "confirm"):
        # The choices are incomplete or invalid (e.g. an old form): show the step that is missing.
        error = INVALID_CHOICE if state.invalid else ""
        context = build_context(page, request, venue, state, chosen, step, error=error)
        return render_step(page, request, context, status=400 if state.invalid else 200)
    action = request.POST.get("action", "details")

    if action == "details" and chosen.appointment is None:
        form = ContactForm(request.POST)
        if not form.is_valid():
            return render_step(page, request, build_context(page, request, venue, state, chosen, "details", form=form))
        request.session[SESSION_KEY] = form.cleaned_data
        confirm_state = replace(state, step_param="confirm")
        if request.htmx:
            response = render_step(page, request, build_context(page, request, venue, confirm_state, chosen, "confirm"))
            response["HX-Push-Url"] = page.url + confirm_state.query()
            return response
        return HttpResponseRedirect(page.url + confirm_state.query())

    # action == "confirm"
    now = timezone.now()
    try:
        if chosen.appointment is not None:
            appointment = operations.reschedule_as_client(chosen.appointment, state.start, now=now)
            messages.success(request, _("Your appointment has been moved."))
        else:
            contact = request.session.get(SESSION_KEY)
            form = ContactForm(contact)
            if not contact or not form.is_valid():
                return render_step(page, request, build_context(page, request, venue, state, chosen, "details"))
            appointment = operations.book_as_client(
                address=client_address(request),
                proven=bool(request.user.is_authenticated)
                and form.cleaned_data["client_email"].strip().lower() == verified_email(request.user),
                venue=venue,
                service=chosen.service,
                staff=chosen.staff,
                start=state.start,
                language=translation.get_language(),
                user=request.user,
                booking_page=page,
                now=now,
                **form.cleaned_data,
            )
    except Refused as refused:
        return _refused(request, refused.message)
    except SlotTaken:
        return _taken(page, request, venue, state, chosen)
    except ChangeNotAllowed:
        return HttpResponseRedirect(page.url + page.reverse_subpage("manage", args=[state.reschedule]))
    request.session.pop(SESSION_KEY, None)
    done_url = page.url + page.reverse_subpage("done", args=[appointment.manage_token])
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = done_url
        return response
    return HttpResponseRedirect(done_url)


def _appointment_or_404(token):
    appointment = (
        Appointment.objects.select_related("service", "staff", "venue").filter(manage_token=token).first()
        if token
        else None
    )
    if appointment is None:
        raise Http404("Unknown booking")
    return appointment


def _link_expired(page, request):
    """The answer for a manage/confirmation link past BOOKING_MANAGE_LINK_DAYS."""
    context = {
        **page.get_context(request),
        "message": _("This link has expired. For questions about a past appointment, please contact us."),
    }
    response = render(request, "booking/link_expired.html", context, status=410)
    add_never_cache_headers(response)
    return response


def appointment_context(page, appointment):
    tz = appointment.zone
    now = timezone.now()
    deadline = appointment.cancellation_deadline().astimezone(tz)
    return {
        "page": page,
        "appointment": appointment,
        "service": localized(appointment.service),
        "staff": localized(appointment.staff),
        "venue": localized(appointment.venue),
        "day_label": formats.date_format(appointment.local_start, "DATE_FORMAT"),
        "time_label": appointment.local_start.strftime("%H:%M"),
        "end_label": appointment.local_end.strftime("%H:%M"),
        "deadline_label": formats.date_format(deadline, "DATE_FORMAT") + " " + deadline.strftime("%H:%M"),
        "can_change": appointment.can_change_online(now),
        "is_active": appointment.is_active,
        "is_past": appointment.start <= now,
        "manage_url": page.url + page.reverse_subpage("manage", args=[appointment.manage_token]),
        "reschedule_url": page.url + wizard_state.for_reschedule(appointment).query(),
        "window_hours": appointment.service.cancellation_window_hours,
        # Shown at the desk on the day: staff scan it on the admin "Check in" page.
        "checkin_qr": (
            checkin.qr_svg_data_uri(appointment)
            if appointment.status in states.CHANGEABLE and appointment.end > now
            else ""
        ),
    }


def done(page, request, token):
    appointment = _appointment_or_404(token)
    if appointment.manage_link_expired():
        return _link_expired(page, request)
    context = {
        **page.get_context(request),
        **appointment_context(page, appointment),
        "more_links": [link for links in hooks.get_hooks(REGISTER_APPOINTMENT_LINKS) for link in links(appointment)],
    }
    response = render(request, "booking/done.html", context)
    add_never_cache_headers(response)
    return response


@method_decorator(ratelimit("booking-manage", limit=20, window_seconds=60))
def manage(page, request, token):
    appointment = _appointment_or_404(token)
    if appointment.manage_link_expired():
        return _link_expired(page, request)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        try:
            operations.cancel(appointment)
            messages.success(request, _("Your appointment has been cancelled."))
        except ChangeNotAllowed:
            messages.error(request, _("This appointment can no longer be cancelled online."))
        except states.InvalidTransition:
            messages.info(request, _("This appointment is already closed."))
        return HttpResponseRedirect(page.url + page.reverse_subpage("manage", args=[token]))
    context = {**page.get_context(request), **appointment_context(page, appointment)}
    response = render(request, "booking/manage.html", context)
    add_never_cache_headers(response)
    return response


def my_bookings(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # Guest bookings count only under an address the account has proven (core.accounts).
    email = verified_email(request.user)
    mine = Q(user=request.user) | guest_rows(request.user, "client_email")
    appointments = Appointment.objects.filter(mine).select_related("service", "staff", "venue").order_by("-start")
    rows = [appointment_context(page, a) for a in appointments]
    context = {**page.get_context(request), "rows": rows, "email_unconfirmed": not email}
    response = render(request, "booking/my_bookings.html", context)
    add_never_cache_headers(response)
    return response
