from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Service, Staff


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "tag"
    menu_label = _("Services")
    list_display = ["name", "duration_minutes", "price", "active"]
    search_fields = ["name"]


class StaffViewSet(SnippetViewSet):
    model = Staff
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
