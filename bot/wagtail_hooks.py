from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.hooks import ON_APPOINTMENT_NOTICE, REGISTER_APPOINTMENT_LINKS, REGISTER_PERSONAL_DATA

from . import admin_views
from .linking import deep_link
from .notify import on_appointment_notice
from .privacy import TelegramChats


@hooks.register(REGISTER_APPOINTMENT_LINKS)
def telegram_link(appointment):
    if not (settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_BOT_USERNAME):
        return []
    return [(_("Get the confirmation and the reminder in Telegram"), deep_link(appointment.pk))]


hooks.register(ON_APPOINTMENT_NOTICE, on_appointment_notice)


@hooks.register(REGISTER_PERSONAL_DATA)
def telegram_personal_data():
    return [TelegramChats]


@hooks.register("register_admin_urls")
def register_telegram_admin_urls():
    return [path("telegram/", admin_views.telegram_view, name="bot_telegram")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.staff_of(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_telegram_menu_item():
    return StaffMenuItem(_("Telegram"), reverse("bot_telegram"), icon_name="mail", order=292)
