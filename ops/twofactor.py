"""Two-factor sign-in for staff (django-otp: TOTP app plus single-use recovery codes).

Anyone with admin access (Wagtail admin, Django admin, or a permission another app
declares with the `register_admin_permissions` hook) who has enrolled must enter a code
after the password before any admin page opens. With STAFF_2FA_REQUIRED every such
account must enrol first. The check sits in one middleware, so it holds whichever login
page was used. Other apps' admin and account-settings views declare themselves with
`second_factor_required`.
"""

import secrets
from functools import wraps

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks

from core.hooks import REGISTER_ADMIN_PERMISSIONS
from core.ratelimit import client_address, hit, too_many_requests

RECOVERY_CODES = 10
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Reachable before the second factor: signing in and out, and the pages of this module.
OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/django-admin/login/", "/django-admin/logout/", "/admin/jsi18n/")


ADMIN_PERMISSIONS = ("wagtailadmin.access_admin",)


def second_factor_required(view):
    """An admin page, or the account's own settings (password, address, erasure), which are
    worth as much as the admin: a stolen password alone must not change or delete an
    enrolled staff account."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.second_factor_required = True
    return wrapped


def admin_permissions():
    """Permissions that give admin access: Wagtail's, and those apps declare (another app's dashboard)."""
    return (*ADMIN_PERMISSIONS, *(perm for fn in hooks.get_hooks(REGISTER_ADMIN_PERMISSIONS) for perm in fn()))


def has_admin_access(user):
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or any(user.has_perm(perm) for perm in admin_permissions())
    )


def _is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES) and not path.startswith(OPEN_PATHS)


class StaffTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: admin pages need a verified second factor
    from users who enrolled, and from every admin user when STAFF_2FA_REQUIRED."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_admin_path(request.path_info):
            refused = _second_factor_missing(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "second_factor_required", False):
            return _second_factor_missing(request)
        return None


def _second_factor_missing(request):
    """A redirect to enter (or set up) the second factor, or None when the user may go on."""
    user = getattr(request, "user", None)
    if user is not None and has_admin_access(user) and not user.is_verified():
        if user_has_device(user):
            return _redirect("two-factor-verify", request)
        if settings.STAFF_2FA_REQUIRED:
            return _redirect("two-factor-setup", request)
    return None


def _redirect(name, request):
    return HttpResponseRedirect(reverse(name) + "?" + urlencode({"next": request.get_full_path()}))


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return "/admin/"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        # Recovery codes are shown as "abc123-def456" and stored without the dash.
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()


def _throttled(request):
    # Per account and per client: a stolen password plus guessed codes stays slow.
    limit = settings.STAFF_2FA_ATTEMPTS_PER_10_MINUTES
    return not (
        hit("otp-user", f"user:{request.user.pk}", limit, 600)
        and hit("otp-client", client_address(request), limit, 600)
    )


@never_cache
@login_required(login_url="/admin/login/")
def verify_view(request):
    if not user_has_device(request.user):
        return HttpResponseRedirect(reverse("two-factor-setup") + "?" + urlencode({"next": _next_url(request)}))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _throttled(request):
            return too_many_requests(request)
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("code", _("This code is not valid. Enter the current code from your app or a recovery code."))
    return render(request, "ops/twofactor/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required(login_url="/admin/login/")
def setup_view(request):
    if not has_admin_access(request.user):
        return HttpResponseRedirect("/")
    if user_has_device(request.user) and not request.user.is_verified():
        # Re-enrolling replaces the factor: prove the current one first.
        return _redirect("two-factor-verify", request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _throttled(request):
            return too_many_requests(request)
        if device.verify_token(form.cleaned_data["code"]):
            codes = _enrol(request.user, device)
            otp_login(request, device)
            return render(request, "ops/twofactor/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("code", _("This code is not valid. Check the time on your phone and try the current code."))
    secret = device.config_url.split("secret=")[1].split("&")[0]
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1c1917")
    context = {"form": form, "secret": secret, "qr": qr, "next": _next_url(request)}
    return render(request, "ops/twofactor/setup.html", context)


def _enrol(user, device):
    """Confirm the new app, retire any old factors, and issue fresh recovery codes."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code.replace("-", "")) for code in codes])
    return codes


urlpatterns = [
    path("verify/", verify_view, name="two-factor-verify"),
    path("setup/", setup_view, name="two-factor-setup"),
]
