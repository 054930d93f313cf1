"""GDPR export and erasure of the Telegram chats that stand for a customer (the
`register_personal_data` hook): chats whose contact address is the account's verified
address, or linked to the account's own appointments."""

from django.db.models import Q

from core.accounts import guest_rows

from .models import TelegramLink


def _chats(user):
    return TelegramLink.objects.filter(guest_rows(user, "client_email") | Q(appointments__user=user)).distinct()


class TelegramChats:
    name = "telegram"

    @staticmethod
    def export(user):
        return [
            {
                "chat_id": chat.chat_id,
                "language": chat.language,
                "name": chat.client_name,
                "email": chat.client_email,
                "appointments": [a.start.isoformat() for a in chat.appointments.all()],
                "created_at": chat.created_at.isoformat(),
            }
            for chat in _chats(user)
        ]

    @staticmethod
    def erase(user):
        """Forget the chats: no more messages to them, no way back to the appointments."""
        TelegramLink.objects.filter(pk__in=[chat.pk for chat in _chats(user)]).delete()
