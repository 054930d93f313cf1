"""The admin page where a staff member links Telegram: a signed deep link for their Staff record."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from booking.models import Staff

from .linking import STAFF, deep_link
from .models import TelegramLink


def staff_of(user):
    if not user.is_authenticated:
        return None
    return Staff.objects.filter(user=user, locale=Locale.get_default()).select_related("venue").first()


def telegram_view(request):
    staff = staff_of(request.user)
    if staff is None:
        raise PermissionDenied
    chats = TelegramLink.objects.filter(staff=staff)
    if request.method == "POST":  # "Unlink": the chat hears nothing more (CSRF-checked like every POST)
        chats.update(staff=None)
        messages.success(request, _("The Telegram chat is unlinked."))
        return redirect("bot_telegram")
    context = {
        "linked": chats.exists(),
        "header_title": _("Telegram"),
        "staff": staff,
        "link": deep_link(staff.pk, STAFF) if settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_BOT_USERNAME else "",
        "hours": settings.TELEGRAM_LINK_HOURS,
    }
    return render(request, "bot/admin/telegram.html", context)
