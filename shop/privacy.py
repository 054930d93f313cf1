"""GDPR export and erasure of a customer's orders (the `register_personal_data` hook,
shop/wagtail_hooks.py): anonymised and kept for the legal retention period, never deleted."""

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ops.privacy import ERASED, address_data, iso, mine

from .order_status import OPEN

Order = get_model("order", "Order")


def _open_order(order):
    """Paid (or being paid) and not yet shipped: the address is needed to deliver it."""
    return order.status in OPEN


class Orders:
    """Oscar orders: exported in full; on erasure kept (bookkeeping) but stripped of
    the person, except an order still to be delivered, which keeps its addresses
    and email until it ships (the export says so)."""

    name = "orders"

    @staticmethod
    def _qs(user):
        return (
            Order.objects.filter(mine(user, "guest_email"))
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
                    "placed": iso(order.date_placed),
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
                    "shipping_address": address_data(order.shipping_address),
                    "billing_address": address_data(order.billing_address),
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
