"""GDPR: export everything we hold about a signed-in customer, and erase the account.

Apps contribute their own data without ops importing them, through the
`register_personal_data` Wagtail hook (core/hooks.py) in their `wagtail_hooks.py`:

    class Bookings:
        name = "bookings"                      # the key in the export
        def export(user): return [...]        # JSON-serialisable
        def erase(user): ...                   # delete or anonymise

    @hooks.register(REGISTER_PERSONAL_DATA)
    def booking_personal_data():
        return [Bookings]

ops itself covers the account, feedback and Wagtail form submissions (ops/wagtail_hooks.py).

Only what is provably the account's is covered: rows linked to the user, plus
guest rows under the account's *verified* address (core.accounts). Anybody can
type somebody else's address into a form; only its owner can confirm it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from core.accounts import guest_rows, verified_email
from core.hooks import REGISTER_PERSONAL_DATA

from .models import Feedback

ERASED = "—"


def handlers():
    """{name: handler} from every app's `register_personal_data` hook."""
    return {handler.name: handler for fn in hooks.get_hooks(REGISTER_PERSONAL_DATA) for handler in fn()}


def mine(user, email_field):
    """The user's rows: their own, plus guest rows under their verified address. An
    unverified or empty address matches nothing."""
    return Q(user=user) | guest_rows(user, email_field)


def iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


class Account:
    name = "account"

    @staticmethod
    def export(user):
        fields = ["email", "first_name", "last_name", "date_joined", "last_login"]
        data = {name: iso(getattr(user, name, None)) for name in fields}
        addresses = getattr(user, "addresses", None)
        if addresses is not None:
            data["addresses"] = [
                {**address_data(a), "phone_number": str(a.phone_number or "")} for a in addresses.all()
            ]
        return data

    @staticmethod
    def erase(user):
        pass  # the user row itself is deleted last, by erase_account()


class FeedbackData:
    name = "feedback"

    @staticmethod
    def _qs(user):
        return Feedback.objects.filter(mine(user, "email"))

    @classmethod
    def export(cls, user):
        return [
            {"received": iso(f.created_at), "message": f.message, "email": f.email, "rating": f.rating,
             "page": f.page_url, "language": f.locale}
            for f in cls._qs(user)
        ]  # fmt: skip

    @classmethod
    def erase(cls, user):
        cls._qs(user).delete()


class FormSubmissions:
    name = "form_submissions"

    @staticmethod
    def _matching(user):
        email = verified_email(user)
        if not email:
            return
        for submission in FormSubmission.objects.all().iterator():
            values = submission.form_data.values() if isinstance(submission.form_data, dict) else []
            if any(isinstance(v, str) and v.strip().lower() == email for v in values):
                yield submission

    @classmethod
    def export(cls, user):
        return [
            {"submitted": iso(s.submit_time), "page_id": s.page_id, "data": s.form_data} for s in cls._matching(user)
        ]

    @classmethod
    def erase(cls, user):
        for submission in list(cls._matching(user)):
            submission.delete()


def address_data(address):
    """A postal address as plain strings (for exports)."""
    if address is None:
        return None
    return {k: str(getattr(address, k, "") or "") for k in ("first_name", "last_name", "line1", "line2", "line3",
                                                             "line4", "state", "postcode", "country_id")}  # fmt: skip


def export_user_data(user):
    """Everything we hold about `user`, as one JSON-serialisable dict."""
    data = {"exported_at": timezone.now().isoformat(), "format": "studio-gdpr-export/1"}
    for name, handler in handlers().items():
        data[name] = handler.export(user)
    return data


def erase_account(user):
    """Erase or anonymise the user's data in every app, then delete the account."""
    with transaction.atomic():
        for _name, handler in handlers().items():
            handler.erase(user)
        user.delete()
