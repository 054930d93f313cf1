from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.banners import BannerArea
from core.hooks import (
    BUSINESS_CONTACT,
    CONSTRUCT_JSONLD_GRAPH,
    REGISTER_BANNER_AREAS,
    REGISTER_CONTENT_LISTING,
    REGISTER_DEMO_LOADERS,
    REGISTER_PERSONAL_DATA,
    REGISTER_SECRET_URL_PATTERNS,
)
from core.money import money
from ops.permissions import can_view_statistics

from . import admin_views, demo, jsonld, privacy
from .business import venue_contact
from .dashboard import BookingsPanel
from .listings import LISTINGS
from .models import BookingPage, Service, Staff


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "tag"
    menu_label = _("Services")
    list_display = [
        "name",
        "duration_minutes",
        Column("price", label=_("price"), accessor=lambda service: str(money(service.price)), sort_key="price"),
        "active",
    ]
    search_fields = ["name"]


class VenueScopedStaff:
    """A venue-scoped user (a staff member without staff-management rights) only
    finds the staff of their own venues in the chooser."""

    def get_object_list(self):
        return admin_views.visible_staff(self.request.user, super().get_object_list())


class StaffChooseView(VenueScopedStaff, snippet_chooser.ChooseView):
    pass


class StaffChooseResultsView(VenueScopedStaff, snippet_chooser.ChooseResultsView):
    pass


class StaffChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return admin_views.visible_staff(self.request.user, self.model_class.objects.all()).get(pk=pk)


class StaffChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return admin_views.visible_staff(self.request.user, super().get_objects(pks))


class StaffChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = StaffChooseView
    choose_results_view_class = StaffChooseResultsView
    chosen_view_class = StaffChosenView
    chosen_multiple_view_class = StaffChosenMultipleView


class StaffViewSet(SnippetViewSet):
    model = Staff
    chooser_viewset_class = StaffChooserViewSet
    icon = "user"
    menu_label = _("Staff")
    list_display = ["name", "venue", "active"]
    search_fields = ["name"]


class BookingSnippets(SnippetViewSetGroup):
    items = (ServiceViewSet, StaffViewSet)
    menu_icon = "date"
    menu_label = _("Booking")
    menu_name = "booking"
    menu_order = 300


register_snippet(BookingSnippets)


# --- staff calendar and dashboard ---------------------------------------------------


@hooks.register("register_admin_urls")
def register_booking_admin_urls():
    return [
        path("booking/calendar/", admin_views.calendar_view, name="booking_calendar"),
        path(
            "booking/appointments/<int:pk>/status/",
            admin_views.change_status_view,
            name="booking_appointment_status",
        ),
        path("booking/check-in/", admin_views.checkin_view, name="booking_check_in"),
    ]


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_use_calendar(request.user)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(_("Booking calendar"), reverse("booking_calendar"), icon_name="date", order=290)


@hooks.register("register_admin_menu_item")
def register_check_in_menu_item():
    return CalendarMenuItem(_("Check in"), reverse("booking_check_in"), icon_name="tick", order=291)


@hooks.register("construct_homepage_panels")
def add_bookings_panel(request, panels):
    if can_view_statistics(request.user):
        panels.append(BookingsPanel())


@hooks.register(REGISTER_SECRET_URL_PATTERNS)
def booking_secret_urls():
    # The manage and confirmation pages of an appointment (its token is the key).
    return [r"/(?:manage|done)/([^/?#\s'\"<>]+)"]


# --- the venue and its services/team as the site's one source -------------------------


@hooks.register(BUSINESS_CONTACT)
def venue_business_contact(language):
    return venue_contact(language)


@hooks.register(REGISTER_CONTENT_LISTING)
def content_listings():
    return LISTINGS  # services with prices, the team


@hooks.register(REGISTER_PERSONAL_DATA)
def bookings_personal_data():
    return [privacy.Bookings]


@hooks.register(CONSTRUCT_JSONLD_GRAPH)
def venue_jsonld(page, request, graph, nodes):
    nodes.extend(jsonld.booking_nodes(page, request, graph))


@hooks.register(REGISTER_DEMO_LOADERS)
def demo_loaders():
    return demo.LOADERS


@hooks.register(REGISTER_BANNER_AREAS)
def booking_banner_areas():
    return [BannerArea(BookingPage.banner_area, _("Booking"))]
