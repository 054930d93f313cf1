from django.db import models
from django.utils.translation import gettext_lazy as _


class TelegramLink(models.Model):
    """One Telegram chat that talks to the bot: its language, the contact details it books
    with, and the appointments it may see, change and hears about: the ones booked from
    this chat and the ones linked with a signed deep link from their confirmation page.
    A chat never sees other appointments of the same email address (nothing proves the
    chat owns that mailbox)."""

    chat_id = models.BigIntegerField(_("chat id"), unique=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    client_name = models.CharField(_("name"), max_length=200, blank=True)
    client_email = models.EmailField(_("email"), blank=True)
    appointments = models.ManyToManyField("booking.Appointment", blank=True, related_name="telegram_links")
    # A staff member who linked this chat from the admin: their day (/today) and their bookings' news.
    staff = models.ForeignKey(
        "booking.Staff", null=True, blank=True, on_delete=models.SET_NULL, related_name="telegram_links"
    )
    # A chosen slot (callback data) waiting for the name and email address of an unlinked chat.
    pending = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Telegram link")
        verbose_name_plural = _("Telegram links")

    def __str__(self):
        return f"{self.chat_id} → {self.client_email or '-'}"


class UsedStaffLink(models.Model):
    """A staff deep link's token once a chat has followed it: a staff link links one chat only."""

    token = models.CharField(max_length=64, unique=True)
    chat_id = models.BigIntegerField()
    used_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.token[:12]}… → {self.chat_id}"
