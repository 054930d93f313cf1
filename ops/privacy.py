"""GDPR: export everything we hold about a signed-in customer, and erase the account.

Apps contribute their own data without ops importing them: in `<app>/privacy.py`
(discovered automatically) call

    from ops.privacy import register

    @register("bookings")
    class Bookings:
        def export(user): return [...]        # JSON-serialisable
        def erase(user): ...                   # delete or anonymise

ops itself covers the account, feedback, Wagtail form submissions and Oscar
orders (anonymised and kept for the legal retention period, never deleted).

Only what is provably the account's is covered: rows linked to the user, plus
guest rows under the account's *verified* address (core.accounts). Anybody can
type somebody else's address into a form; only its owner can confirm it.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from core.accounts import guest_rows, verified_email

from .models import Feedback

_registry = {}
_discovered = [False]
ERASED = "—"


def register(name):
    def decorator(handler):
        _registry[name] = handler
        return handler

    return decorator


def handlers():
    if not _discovered[0]:
        autodiscover_modules("privacy")
        _discovered[0] = True
    return dict(_registry)


def _mine(user, email_field):
    """The user's rows: their own, plus guest rows under their verified address. An
    unverified or empty address matches nothing."""
    from django.db.models import Q

    return Q(user=user) | guest_rows(user, email_field)


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@register("account")
class Account:
    @staticmethod
    def export(user):
        fields = ["email", "first_name", "last_name", "date_joined", "last_login"]
        data = {name: _iso(getattr(user, name, None)) for name in fields}
        addresses = getattr(user, "addresses", None)
        if addresses is not None:
            data["addresses"] = [{**_address(a), "phone_number": str(a.phone_number or "")} for a in addresses.all()]
        return data

    @staticmethod
    def erase(user):
        pass  # the user row itself is deleted last, by erase_account()


@register("feedback")
class FeedbackData:
    @staticmethod
    def _qs(user):
        return Feedback.objects.filter(_mine(user, "email"))

    @classmethod
    def export(cls, user):
        return [
            {"received": _iso(f.created_at), "message": f.message, "email": f.email, "rating": f.rating,
             "page": f.page_url, "language": f.locale}
            for f in cls._qs(user)
        ]  # fmt: skip

    @classmethod
    def erase(cls, user):
        cls._qs(user).delete()


@register("form_submissions")
class FormSubmissions:
    @staticmethod
    def _matching(user):
        from wagtail.contrib.forms.models import FormSubmission

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
            {"submitted": _iso(s.submit_time), "page_id": s.page_id, "data": s.form_data} for s in cls._matching(user)
        ]

    @classmethod
    def erase(cls, user):
        for submission in list(cls._matching(user)):
            submission.delete()


def _open_order(order):
    """Paid (or being paid) and not yet shipped: the address is needed to deliver it."""
    return order.status in settings.PRIVACY_OPEN_ORDER_STATUSES


@register("orders")
class Orders:
    """Oscar orders: exported in full; on erasure kept (bookkeeping) but stripped of
    the person, except an order still to be delivered, which keeps its addresses
    and email until it ships (the export says so)."""

    @staticmethod
    def _qs(user):
        Order = apps.get_model("order", "Order")
        return (
            Order.objects.filter(_mine(user, "guest_email"))
            .select_related("shipping_address", "billing_address")
            .prefetch_related("lines")
        )

    @classmethod
    def export(cls, user):
        orders = []
        for order in cls._qs(user):
            orders.append(
                {
                    "number": order.number,
                    "placed": _iso(order.date_placed),
                    "status": order.status,
                    "currency": order.currency,
                    "total_incl_tax": str(order.total_incl_tax),
                    "lines": [
                        {
                            "title": line.title,
                            "quantity": line.quantity,
                            "price_incl_tax": str(line.line_price_incl_tax),
                        }
                        for line in order.lines.all()
                    ],
                    "shipping_address": _address(order.shipping_address),
                    "billing_address": _address(order.billing_address),
                    **(
                        {"kept_on_erasure": str(_("Kept until the order is delivered: needed to ship it."))}
                        if _open_order(order)
                        else {}
                    ),
                }
            )
        return orders

    @classmethod
    def erase(cls, user):
        for order in cls._qs(user):
            if _open_order(order):
                # Still to be delivered: keep the addresses and an email to notify.
                order.guest_email = order.email
                order.user = None
                order.save(update_fields=["user", "guest_email"])
                continue
            for address in (order.shipping_address, order.billing_address):
                if address is not None:
                    for field in ("title", "first_name", "last_name", "line1", "line2", "line3", "line4", "state",
                                  "postcode", "search_text"):  # fmt: skip
                        if hasattr(address, field):
                            setattr(address, field, ERASED if field == "line1" else "")
                    if hasattr(address, "phone_number"):
                        address.phone_number = ""
                    if hasattr(address, "notes"):
                        address.notes = ""
                    address.save()
            order.user = None
            order.guest_email = ""
            order.save(update_fields=["user", "guest_email"])


def _address(address):
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
