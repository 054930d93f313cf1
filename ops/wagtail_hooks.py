from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.hooks import REGISTER_DEMO_LOADERS, REGISTER_PERSONAL_DATA

from . import demo, privacy
from .backup_panel import BackupStatusPanel
from .dashboard import VisitorsPanel
from .inbox import feedback_viewset
from .permissions import can_view_statistics
from .views import StatisticsView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ops/statistics/", StatisticsView.as_view(), name="ops_statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistics"), reverse("ops_statistics"), icon_name="table", order=250)


@hooks.register("construct_homepage_panels")
def add_visitor_panels(request, panels):
    if can_view_statistics(request.user):
        panels.append(VisitorsPanel())
    if request.user.is_superuser:
        panels.append(BackupStatusPanel())


@hooks.register("register_admin_viewset")
def register_feedback_inbox():
    return feedback_viewset


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    # Account page: set up (or replace) the authenticator app and recovery codes.
    return {
        "url": reverse("two-factor-setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


@hooks.register(REGISTER_PERSONAL_DATA)
def personal_data():
    return [privacy.Account, privacy.FeedbackData, privacy.FormSubmissions]


@hooks.register(REGISTER_DEMO_LOADERS)
def demo_loaders():
    return demo.LOADERS
