"""Proof of email ownership.

An account's address is *verified* once its owner opens a signed, expiring link
sent to it (at registration and after every change of address). Only a verified
address links guest data (bookings, orders, feedback, form submissions made
without signing in) to the account: anyone can type somebody else's address into
a form, only its owner can open the mail.

Signing in does not need a verified address; only the guest data does.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac

from .addresses import mailbox_key
from .emails import build_message, queue_email
from .ratelimit import hit

SALT = "core.accounts.verify-email"


def verified_email(user):
    """The account's address if its owner has proven it, else "" (matches nothing)."""
    email = (getattr(user, "email", "") or "").strip().lower()
    if email and email == (getattr(user, "verified_email", "") or "").lower():
        return email
    return ""


def guest_rows(user, field):
    """A Q for guest rows whose `field` is the account's verified address (nothing if
    none). Compared lower-cased, never with `iexact`: PostgreSQL's UPPER() makes the
    dotless `ı` an `I` and the long `ſ` an `S`, so `iexact` would match
    `gina@mail.example` for whoever proved `gina@maıl.example`, another domain."""

    email = verified_email(user)
    return Q(Exact(Lower(field), email)) if email else Q(pk__in=[])


def mark_verified(user):
    user.verified_email = (user.email or "").strip().lower()
    user.save(update_fields=["verified_email"])


def make_token(user, email=None):
    """A link proving `email`: the account's current address ("confirm"), or a new
    one it asked to change to ("change", applied only when the link is opened)."""
    email = (email or user.email or "").strip()
    kind = "confirm" if email.lower() == (user.email or "").lower() else "change"
    data = {"u": user.pk, "e": email, "k": kind}
    if kind == "change":
        data.update(_account_state(user))
    return signing.TimestampSigner(salt=SALT).sign_object(data)


def _account_state(user):
    """What a change link is bound to: the address it moves from and the password.
    Once the account has moved on or its password changed, older links move nothing
    (else a stale or mistyped link would hand the account to whoever holds it)."""

    return {
        "f": (user.email or "").strip().lower(),
        "p": salted_hmac(SALT, user.password or "").hexdigest()[:20],
    }


class InvalidLink(Exception):
    pass


class SignInFirst(Exception):
    """A link that moves an account works only for its owner, signed in."""


def verify_token(token, signed_in=None):
    """Apply the link in `token` and return its user: confirm the current address,
    or switch the account to the new address it proves.

    Raises InvalidLink if the link is forged or expired, confirms an address the
    account no longer has, or asks for an address another account has taken since.
    Raises SignInFirst if it would move the account and `signed_in` (the visitor)
    is not its owner: whoever holds a mistyped address must not get the account."""

    User = get_user_model()
    max_age = settings.ACCOUNT_EMAIL_VERIFICATION_HOURS * 3600
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age)
        user = User.objects.get(pk=data["u"], is_active=True)
        email = data["e"]
    except (signing.BadSignature, KeyError, TypeError, User.DoesNotExist) as error:
        raise InvalidLink from error
    if not email:
        raise InvalidLink
    if data.get("k") == "change" and email.lower() != (user.email or "").lower():
        if any(data.get(key) != value for key, value in _account_state(user).items()):
            raise InvalidLink
        if getattr(signed_in, "pk", None) != user.pk:
            raise SignInFirst
        if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
            raise InvalidLink
        previous, user.email = user.email, email
        try:
            with transaction.atomic():
                user.save(update_fields=["email"])
        except IntegrityError as error:  # taken at the same moment
            raise InvalidLink from error
        if previous:
            send_email_changed(previous, email)
    if (user.email or "").lower() != email.lower():
        raise InvalidLink
    mark_verified(user)
    return user


def confirm_password(request, user, password):
    """Re-check a signed-in user's password through authenticate(request), so the
    lockout and the rate limit count it like any login (never user.check_password)."""

    checked = authenticate(request, username=user.get_username(), password=password)
    return checked is not None and checked.pk == user.pk


class GuardedOldPasswordMixin:
    """For Django's PasswordChangeForm and its subclasses (Oscar, Wagtail account,
    Django admin): the current password is checked through authenticate(request).
    Pass `request=` or set `form.request` before validation."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not confirm_password(self.request, self.user, old_password):
            raise forms.ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


def _absolute(path):
    # Never the request's Host header: a forged Host would send the link elsewhere.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail_allowed(email):
    """At most ACCOUNT_MAILS_PER_ADDRESS account mails (confirmation links, "you already
    have an account") per address an hour: registering or editing a profile again
    and again must not flood somebody's inbox. Past the limit nothing is sent and the
    visitor's answer stays the same."""

    return hit("account-mail", mailbox_key(email), settings.ACCOUNT_MAILS_PER_ADDRESS, 3600)


def send_verification(user, email=None, language=None):
    """Mail a signed, expiring link to `email` (default: the account's address); for a
    new address the account switches to it only when the link is opened."""
    email = email or user.email
    if not _mail_allowed(email):
        return
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        link = _absolute(reverse("customer:verify-email", args=[make_token(user, email)]))
    context = {"link": link, "hours": settings.ACCOUNT_EMAIL_VERIFICATION_HOURS, "email": email}
    queue_email("core/verify_email", context, [email], language)


def send_already_registered(user, language=None):
    """Registration with an address that has an account: tell the owner, not the visitor."""
    if not _mail_allowed(user.email):
        return
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        login = _absolute(reverse("customer:login"))
        reset = _absolute(reverse("password-reset"))
    queue_email("core/already_registered", {"login": login, "reset": reset}, [user.email], language)


def send_reset_for_unknown_address(email, language=None):
    """Password reset for an address without an account: say so to the address
    (sent now, like the reset mail itself, so both answers take as long)."""

    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        register = _absolute(reverse("customer:register"))
    build_message("core/reset_unknown_address", {"register": register}, [email], language).send()


def send_email_changed(previous, new, language=None):
    """Tell the old address that the account moved (a way back if it was not its owner)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        reset = _absolute(reverse("password-reset"))
    queue_email("core/email_changed", {"new": new, "reset": reset}, [previous], language)
