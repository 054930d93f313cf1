"""The basket's voucher form says what is wrong with the code it refused (Oscar says "Please enter a voucher
code" for every invalid form, even a code that is too long)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.basket.views import VoucherAddView as OscarVoucherAddView


def refusal(form):
    """The message for an invalid voucher form, in the active language."""
    errors = form.errors.as_data().get("code", [])
    codes = {error.code for error in errors}
    if "max_length" in codes:
        return _("This voucher code is too long: a voucher code has at most %(limit)d characters.") % {
            "limit": form.fields["code"].max_length
        }
    if not errors or "required" in codes:
        return _("Please enter a voucher code")
    return " ".join(message for error in errors for message in error.messages)


class VoucherAddView(OscarVoucherAddView):
    def form_invalid(self, form):
        messages.error(self.request, refusal(form))
        return redirect(reverse("basket:summary") + "#voucher")  # as Oscar's
