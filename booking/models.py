"""Booking models: venues (pages), staff and services (translatable snippets),
appointments. Availability logic lives in availability.py; these classes are thin.

Canonical objects: bookings always point at the default-locale venue, staff member
and service (translations share one schedule); the templates show `.localized`.
"""

import secrets
from datetime import timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailseo.models import SeoMixin

from core.routing import SubpageUrlconfMixin
from pages.seo import SeoPageMixin

from . import states
from .admin_forms import StaffForm, VenuePageForm
from .availability import DateRange, ServiceRules, TimeRange

MAX_FAQS = 5
MAX_TEAM_MEMBERS = 5

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


@cache
def _zones():
    return frozenset(available_timezones())


def validate_time_zone(value):
    if value not in _zones():
        raise ValidationError(
            _("“%(value)s” is not an IANA time zone name. Use a name such as Europe/Berlin or America/New_York."),
            params={"value": value},
            code="invalid_time_zone",
        )


def canonical(obj):
    """The default-locale version of a translatable object (or the object itself)."""
    if obj is None:
        return None
    default = Locale.get_default()
    if obj.locale_id == default.id:
        return obj
    return obj.get_translation_or_none(default) or obj


# --- Shared rows: weekly hours, day ranges -------------------------------------------------


class WeeklyHours(Orderable):
    """A time range on a weekday: a venue's opening hours, a staff member's working hours.

    The two kinds name their times differently (opens/closes, starts/ends: the names are in page
    revisions and translation sources, so they stay); `start_field` and `end_field` say which."""

    start_field, end_field = "starts", "ends"
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)

    class Meta(Orderable.Meta):
        abstract = True

    def as_range(self):
        return TimeRange(getattr(self, self.start_field), getattr(self, self.end_field))

    def __str__(self):
        times = self.as_range()
        return f"{self.get_weekday_display()} {times.start:%H:%M}–{times.end:%H:%M}"


class DayRange(Orderable):
    """Whole days, first to last included: a venue's closure, a staff member's time off."""

    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        abstract = True

    def as_range(self):
        return DateRange(self.first_day, self.last_day)


# --- Venue --------------------------------------------------------------------


class VenuePage(SeoPageMixin, SeoMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    address = models.TextField(_("address"), help_text=_("Street, postcode and city, one per line."))
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Berlin",
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. Europe/Berlin. Opening hours and bookings are in this time zone."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("time_zone"),
                FieldPanel("phone"),
            ],
            heading=_("Location"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours"), heading=_("Opening hours")),
        InlinePanel("closures", label=_("Closure"), heading=_("Closures and holidays")),
        InlinePanel("gallery_images", label=_("Gallery image"), heading=_("Gallery")),
        InlinePanel("faqs", label=_("FAQ"), heading=_("FAQs"), max_num=MAX_FAQS),
        InlinePanel("team_members", label=_("Team member"), heading=_("Team"), max_num=MAX_TEAM_MEMBERS),
    ]
    promote_panels = SeoMixin.seo_panels
    base_form_class = VenuePageForm
    override_translatable_fields = [
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("phone"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("address")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["booking.BookingPage"]

    class Meta:
        verbose_name = _("venue")

    def clean(self):
        super().clean()
        validate_time_zone(self.time_zone)

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = canonical(self)
        context["hours_by_day"] = weekly_hours_display(source.opening_hours.all())
        context["booking_page"] = BookingPage.objects.live().child_of(self).first()
        return context


def weekly_hours_display(rows):
    days = {number: [] for number, _label in WEEKDAYS}
    for row in rows:
        days[row.weekday].append(row)
    return [(label, sorted(days[number], key=lambda r: r.as_range().start)) for number, label in WEEKDAYS]


class OpeningHours(WeeklyHours):
    start_field, end_field = "opens", "closes"
    venue = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="opening_hours")
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(WeeklyHours.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class Closure(DayRange):
    venue = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="closures")
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For the team; not shown publicly."))

    class Meta(DayRange.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")


class GalleryImage(Orderable):
    venue = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class VenueFaq(TranslatableMixin, Orderable):
    venue = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=255)
    answer = models.TextField(_("answer"))

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")


class VenueTeamMember(TranslatableMixin, Orderable):
    venue = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")


# --- Services and staff (snippets) ---------------------------------------------


class Service(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    buffer_before_minutes = models.PositiveIntegerField(
        _("buffer before (minutes)"), default=0, help_text=_("Preparation time kept free before the appointment.")
    )
    buffer_after_minutes = models.PositiveIntegerField(
        _("buffer after (minutes)"), default=0, help_text=_("Cleanup time kept free after the appointment.")
    )
    price = models.DecimalField(_("price"), max_digits=8, decimal_places=2, default=0)
    min_notice_hours = models.PositiveIntegerField(
        _("minimum notice (hours)"), default=2, help_text=_("How long in advance a booking must be made.")
    )
    horizon_days = models.PositiveIntegerField(
        _("booking horizon (days)"), default=60, help_text=_("How far ahead customers can book.")
    )
    cancellation_window_hours = models.PositiveIntegerField(
        _("cancellation window (hours)"),
        default=24,
        help_text=_("Customers can cancel or reschedule online until this many hours before the start."),
    )
    active = models.BooleanField(_("bookable"), default=True)

    override_translatable_fields = [
        SynchronizedField("duration_minutes", overridable=False),
        SynchronizedField("buffer_before_minutes", overridable=False),
        SynchronizedField("buffer_after_minutes", overridable=False),
        SynchronizedField("price", overridable=False),
        SynchronizedField("min_notice_hours", overridable=False),
        SynchronizedField("horizon_days", overridable=False),
        SynchronizedField("cancellation_window_hours", overridable=False),
        SynchronizedField("active", overridable=False),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("price")]),
        FieldRowPanel([FieldPanel("buffer_before_minutes"), FieldPanel("buffer_after_minutes")]),
        FieldRowPanel(
            [FieldPanel("min_notice_hours"), FieldPanel("horizon_days"), FieldPanel("cancellation_window_hours")]
        ),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.duration_minutes == 0:
            raise ValidationError({"duration_minutes": _("A service needs a duration of at least one minute.")})

    @property
    def rules(self):
        return ServiceRules(
            duration=timedelta(minutes=self.duration_minutes),
            buffer_before=timedelta(minutes=self.buffer_before_minutes),
            buffer_after=timedelta(minutes=self.buffer_after_minutes),
            min_notice=timedelta(hours=self.min_notice_hours),
            horizon=timedelta(days=self.horizon_days),
        )


class Staff(TranslatableMixin, index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=120)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    venue = models.ForeignKey(VenuePage, on_delete=models.PROTECT, related_name="staff", verbose_name=_("venue"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking_staff",
        verbose_name=_("admin user"),
        help_text=_("The login of this staff member; they see only their venue's calendar."),
    )
    services = ParentalManyToManyField(Service, blank=True, related_name="staff", verbose_name=_("services"))
    active = models.BooleanField(_("takes bookings"), default=True)

    override_translatable_fields = [
        # A person's name is spelled the same in every language: copied from the source, not translated.
        SynchronizedField("name", overridable=False),
        SynchronizedField("photo"),
        SynchronizedField("venue", overridable=False),
        SynchronizedField("user", overridable=False),
        SynchronizedField("services", overridable=False),
        SynchronizedField("active", overridable=False),
        SynchronizedField("working_hours", overridable=False),
        SynchronizedField("time_off", overridable=False),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("venue"),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("user"),
        FieldPanel("active"),
        InlinePanel(
            "working_hours",
            label=_("Working hours"),
            heading=_("Working hours"),
            help_text=_("Leave empty to work during all opening hours of the venue."),
        ),
        InlinePanel("time_off", label=_("Time off"), heading=_("Time off")),
    ]
    # venue: the staff chooser narrows results to a venue-scoped user's venues.
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("venue")]
    base_form_class = StaffForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StaffWorkingHours(WeeklyHours):
    staff = ParentalKey(Staff, on_delete=models.CASCADE, related_name="working_hours")
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")])]


class StaffTimeOff(DayRange):
    staff = ParentalKey(Staff, on_delete=models.CASCADE, related_name="time_off")


# --- Appointments ----------------------------------------------------------------


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = models.DateTimeField()


class PostgresExclusionConstraint(ExclusionConstraint):
    """An ExclusionConstraint that is a no-op on other databases (SQLite serialises
    check-then-insert in an IMMEDIATE transaction instead)."""

    def constraint_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().remove_sql(model, schema_editor)

    def validate(self, model, instance, exclude=None, using="default"):
        if connections[using].vendor != "postgresql":
            return
        return super().validate(model, instance, exclude=exclude, using=using)


def new_manage_token():
    return secrets.token_urlsafe(24)


class Appointment(models.Model):
    STATUS_CHOICES = [
        (states.PENDING, _("pending")),
        (states.CONFIRMED, _("confirmed")),
        (states.ARRIVED, _("arrived")),
        (states.COMPLETED, _("completed")),
        (states.NO_SHOW, _("no-show")),
        (states.CANCELLED, _("cancelled")),
    ]

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="appointments")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="appointments")
    venue = models.ForeignKey(VenuePage, on_delete=models.PROTECT, related_name="appointments")
    start = models.DateTimeField(_("start"), db_index=True)  # UTC
    end = models.DateTimeField(_("end"))  # UTC
    # The staff member's time this appointment holds: start - buffer before .. end + buffer after
    blocked_start = models.DateTimeField()
    blocked_end = models.DateTimeField()
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone])
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=states.CONFIRMED)
    client_name = models.CharField(_("name"), max_length=120)
    client_email = models.EmailField(_("email"))
    client_phone = models.CharField(_("phone"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    manage_token = models.CharField(max_length=64, unique=True, default=new_manage_token, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    booking_page = models.ForeignKey(
        "booking.BookingPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # QR check-in at the desk (operations.check_in): when and by whom the customer arrived.
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [models.Index(fields=["staff", "blocked_start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="booking_appointment_end_after_start"),
            PostgresExclusionConstraint(
                name="booking_no_double_booking",
                expressions=[
                    ("staff", RangeOperators.EQUAL),
                    (TsTzRange("blocked_start", "blocked_end"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status__in=states.ACTIVE),  # the same states availability counts as busy
            ),
        ]

    def __str__(self):
        return f"{self.client_name} · {self.local_start:%Y-%m-%d %H:%M}"

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_active(self):
        return self.status in states.ACTIVE

    def cancellation_deadline(self):
        return self.start - timedelta(hours=self.service.cancellation_window_hours)

    def can_change_online(self, now=None):
        """Cancel/reschedule through the manage link: active and before the window closes."""
        now = now or timezone.now()
        return self.status in states.CHANGEABLE and now < self.cancellation_deadline()

    def manage_link_expired(self, now=None):
        """The manage and confirmation links (which show the customer's details)
        stop working BOOKING_MANAGE_LINK_DAYS after the appointment."""
        now = now or timezone.now()
        return now > self.end + timedelta(days=settings.BOOKING_MANAGE_LINK_DAYS)

    def set_status(self, target):
        self.status = states.transition(self.status, target)


# --- Booking page -------------------------------------------------------------------


class BookingPage(SubpageUrlconfMixin, SeoPageMixin, SeoMixin, Page):
    """The booking wizard. Its steps and the done, manage and "my bookings" pages are the routes
    in booking/routes.py, views in wizard.py."""

    intro = models.TextField(_("introduction"), blank=True)
    venue = models.ForeignKey(
        VenuePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("venue"),
        help_text=_("Leave empty when this page sits under a venue."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("venue")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["pages.HomePage", "booking.VenuePage"]
    subpage_types = []
    # The banner area (declared in booking/wagtail_hooks.py) of every step, the done, manage and "my bookings" routes.
    banner_area = "booking"
    subpage_urlconf = "booking.routes"

    class Meta:
        verbose_name = _("booking page")

    def get_venue(self):
        """The canonical venue this wizard books for."""
        if self.venue_id:
            return canonical(self.venue.specific)
        parent = self.get_parent().specific
        if isinstance(parent, VenuePage):
            return canonical(parent)
        return VenuePage.objects.filter(locale=Locale.get_default()).live().first()
