from django.conf import settings
from django.utils.translation import gettext as _
from wagtail import hooks

from core.hooks import ON_APPOINTMENT_NOTICE, REGISTER_APPOINTMENT_LINKS, REGISTER_PERSONAL_DATA

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
