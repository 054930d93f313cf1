"""Booking notices in Telegram: every chat linked to an appointment hears what its email says,
and a staff member's linked chat hears about the bookings, moves and cancellations with them."""

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
    messages = [
        (chat_id, conversation.notice_text(kind, appointment, language))
        for chat_id, language in TelegramLink.objects.filter(appointments=appointment).values_list(
            "chat_id", "language"
        )
    ]
    # The staff member it is with hears about bookings, moves and cancellations (not the reminder),
    # while they work here (conversation.working_staff).
    messages += [
        (chat_id, conversation.staff_notice_text(kind, appointment, language))
        for chat_id, language in TelegramLink.objects.filter(
            staff=appointment.staff_id, staff__active=True, staff__user__isnull=False
        ).values_list("chat_id", "language")
    ]
    for chat_id, text in messages:
        if text:
            transaction.on_commit(lambda c=chat_id, t=text: send_message.enqueue(c, t))


@task(backend="db")
def send_message(chat_id, text):
    asyncio.run(send(chat_id, text))
    return "sent"
