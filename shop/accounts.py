"""Oscar's account and checkout-gateway views, with proof of email ownership and
guarded password checks (plugged in by shop.oscar_apps; Oscar's code is not copied).

- Registration answers the same whether or not the address has an account: a new
  address gets an account and a confirmation link, a known one gets a mail to its
  owner. Nobody is signed in by registering; the address is proven by the link.
- A new address takes effect only when the link sent to it is opened (so neither
  its guest data nor the account moves before it is proven), and an address that
  has an account gets the same answer.
- Every password check (checkout gateway, password change) passes the request to
  authenticate(), so the lockout and the rate limit see it.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.views import IndexView as OscarGatewayView
from oscar.apps.customer.forms import EmailUserCreationForm
from oscar.apps.customer.forms import PasswordResetForm as OscarPasswordResetForm
from oscar.apps.customer.forms import UserForm as OscarUserForm
from oscar.apps.customer.signals import user_registered
from oscar.apps.customer.utils import normalise_email
from oscar.apps.customer.views import (
    AccountAuthView as OscarAccountAuthView,
)
from oscar.apps.customer.views import (
    AccountRegistrationView as OscarAccountRegistrationView,
)
from oscar.apps.customer.views import (
    AddressCreateView as OscarAddressCreateView,
)
from oscar.apps.customer.views import (
    AddressDeleteView as OscarAddressDeleteView,
)
from oscar.apps.customer.views import (
    AddressUpdateView as OscarAddressUpdateView,
)
from oscar.apps.customer.views import (
    ChangePasswordView as OscarChangePasswordView,
)
from oscar.apps.customer.views import (
    ProfileUpdateView as OscarProfileUpdateView,
)

from core import accounts
from core.ratelimit import hit, too_many_requests
from shop import l10n

User = get_user_model()


class RegistrationForm(EmailUserCreationForm):
    """Oscar's form without "A user with that email address already exists"."""

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        pass  # a known address is handled by the view, without telling the visitor


class VerifiedRegistrationMixin:
    def register_user(self, form):
        email = form.cleaned_data["email"]
        existing = User._default_manager.filter(email__iexact=email).first()
        if existing is None:
            try:
                with transaction.atomic():
                    user = form.save()
            except IntegrityError:  # the same address registered twice at once
                existing = User._default_manager.filter(email__iexact=email).first()
            else:
                user_registered.send_robust(sender=self, request=self.request, user=user)
                accounts.send_verification(user)
                return None
        if existing is not None:
            # Spend what creating an account costs (hashing the password), so
            # the answer's timing does not tell a known address either.
            make_password(form.cleaned_data["password1"])
            accounts.send_already_registered(existing)
        return None

    def registration_answer(self, form):
        messages.success(
            self.request,
            _("Thank you. We have sent a message to %(email)s: open its link to confirm your address, then sign in.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect(reverse("customer:login"))


class AccountAuthView(VerifiedRegistrationMixin, OscarAccountAuthView):
    registration_form_class = RegistrationForm

    def post(self, request, *args, **kwargs):
        # Oscar answers an empty 400 when neither submit button's name came with the post (JSON, a script…).
        if "login_submit" not in request.POST and "registration_submit" not in request.POST:
            return HttpResponseBadRequest(
                _("Bad request: send the sign-in or the registration form of this page (as a form, not JSON)."),
                content_type="text/plain; charset=utf-8",
            )
        return super().post(request, *args, **kwargs)

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            self.register_user(form)
            return self.registration_answer(form)
        return self.render_to_response(self.get_context_data(registration_form=form))


class AccountRegistrationView(VerifiedRegistrationMixin, OscarAccountRegistrationView):
    form_class = RegistrationForm

    def form_valid(self, form):
        self.register_user(form)
        return self.registration_answer(form)


class ProfileForm(OscarUserForm):
    """Oscar's profile form without "A user with this email address already exists"."""

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        pass  # a taken address is handled by the view, without telling


class ProfileUpdateView(OscarProfileUpdateView):
    """A new address takes effect only when the link sent to it is opened; until
    then the account keeps (and signs in with) the old one. A new address that has
    an account gets the same answer, and its owner a mail."""

    form_class = ProfileForm

    def form_valid(self, form):
        user = self.request.user
        current = User._default_manager.filter(pk=user.pk).values_list("email", flat=True).first() or ""
        new = form.cleaned_data.get("email") or current
        form.instance.email = current if new.lower() != current.lower() else new
        form.save()
        messages.success(self.request, _("Profile updated"))
        if new.lower() != current.lower():
            owner = User._default_manager.filter(email__iexact=new).exclude(pk=user.pk).first()
            if owner is not None:
                accounts.send_already_registered(owner)
            else:
                accounts.send_verification(user, email=new)
            messages.info(
                self.request,
                _("We have sent a link to %(email)s. Your address changes once you open it.") % {"email": new},
            )
        return redirect(self.get_success_url())


def verify_email_view(request, token):
    try:
        user = accounts.verify_token(token, signed_in=request.user if request.user.is_authenticated else None)
    except accounts.SignInFirst:
        messages.info(request, _("Sign in to confirm your new address."))
        return redirect_to_login(request.get_full_path(), reverse("customer:login"))
    except accounts.InvalidLink:
        messages.error(
            request,
            _("This confirmation link is invalid or has expired. Sign in and ask for a new one on your profile page."),
        )
        return redirect(reverse("customer:login"))
    messages.success(request, _("Thank you, your address %(email)s is confirmed.") % {"email": user.email})
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect(reverse("customer:profile-view"))
    return redirect(reverse("customer:login"))


@method_decorator([login_required, require_POST], name="dispatch")
class ResendVerificationView(View):
    def post(self, request):
        if not hit("verify-email", f"user:{request.user.pk}", 3, 3600):
            return too_many_requests(request)
        if not accounts.verified_email(request.user):
            accounts.send_verification(request.user)
        messages.info(request, _("We have sent a link to %(email)s.") % {"email": request.user.email})
        return redirect(reverse("customer:profile-view"))


class GuardedPasswordChangeForm(accounts.GuardedOldPasswordMixin, PasswordChangeForm):
    """The current password is checked through authenticate(request): counted and locked out like a login."""


class ChangePasswordView(OscarChangePasswordView):
    form_class = GuardedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class GatewayForm(OscarGatewayForm):
    """Guest and new-account checkout never say "A user with that email address already
    exists": the registration page answers the same for every address."""

    def clean(self):
        if self.is_guest_checkout() or self.is_new_account_checkout():
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()  # returning customer: authenticate(request, ...)


class GatewayView(OscarGatewayView):
    """Oscar's checkout gateway; its "returning customer" password goes through authenticate(request)."""

    form_class = GatewayForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


def profile_delete_redirect(request):
    # One way to delete an account: the privacy page erases data in every app
    # (Oscar's own view would delete the user row and leave the rest).
    return redirect(reverse("ops_privacy"))


class PasswordResetForm(OscarPasswordResetForm):
    """Oscar's reset form; an address without an account gets a short mail too (sent
    the same way, in the request), so neither the answer nor its timing tells whether
    the address has an account. Rate limited per address and client (ops.security)."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        if any(True for _ in self.get_users(email)):
            return super().save(*args, request=request, **kwargs)
        accounts.send_reset_for_unknown_address(email)
        return None


def _summary(address):
    """Oscar's address summary, the country named in the visitor's language."""
    return ", ".join(l10n.address_lines(address))


class AddressCreateView(OscarAddressCreateView):
    """The address book in the visitor's language: country choices and the confirmation."""

    def get_form(self, form_class=None):
        return l10n.localise_country_field(super().get_form(form_class))

    def get_success_url(self):
        messages.success(self.request, _("Address '%s' created") % _summary(self.object))
        return reverse("customer:address-list")


class AddressUpdateView(OscarAddressUpdateView):
    def get_form(self, form_class=None):
        return l10n.localise_country_field(super().get_form(form_class))

    def get_success_url(self):
        messages.success(self.request, _("Address '%s' updated") % _summary(self.object))
        return reverse("customer:address-list")


class AddressDeleteView(OscarAddressDeleteView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["address_summary"] = _summary(self.object)
        return context

    def get_success_url(self):
        messages.success(self.request, _("Address '%s' deleted") % _summary(self.object))
        return str(self.success_url)
