"""Booking notices in Telegram: every chat linked to an appointment hears what its email says."""

import asyncio

from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import conversation
from .models import TelegramLink
from .telegram import send


def on_appointment_notice(kind, appointment):
    if not settings.TELEGRAM_BOT_TOKEN:
        return
    for chat_id, language in TelegramLink.objects.filter(appointments=appointment).values_list("chat_id", "language"):
        text = conversation.notice_text(kind, appointment, language)
        transaction.on_commit(lambda c=chat_id, t=text: send_message.enqueue(c, t))


@task(backend="db")
def send_message(chat_id, text):
    asyncio.run(send(chat_id, text))
    return "sent"
