"""The customer's privacy page: download my data (JSON), delete my account."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.accounts import confirm_password
from core.ratelimit import ratelimit

from .privacy import erase_account, export_user_data


class EraseForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"), widget=forms.PasswordInput)
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that my account and personal data will be deleted for good."),
    )

    def __init__(self, user, *args, request=None, **kwargs):
        self.user = user
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate(request): counted and locked out like any login.
        if not confirm_password(self.request, self.user, password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


@login_required
def privacy_view(request):
    return render(request, "ops/privacy.html", {"form": EraseForm(request.user)})


@login_required
def export_view(request):
    data = export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="my-data-{timezone.localdate().isoformat()}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["POST"])
@ratelimit("erase-account", limit=5, window_seconds=600)
def erase_view(request):
    form = EraseForm(request.user, request.POST, request=request)
    if not form.is_valid():
        return render(request, "ops/privacy.html", {"form": form}, status=400)
    erase_account(request.user)
    logout(request)
    messages.success(request, _("Your account and personal data have been deleted."))
    return redirect(f"/{get_language()}/")
