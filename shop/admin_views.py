"""Wagtail admin: recent orders, and a full refund through Stripe recorded on the order."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from . import payments
from .order_status import PAID_FOR
from .processing import CARD_SOURCE, EventHandler

Order = get_model("order", "Order")
Source = get_model("payment", "Source")

REFUNDABLE = PAID_FOR


def _require(request):
    if not request.user.has_perm("order.change_order"):
        raise PermissionDenied


def orders_view(request):
    _require(request)
    orders = list(Order.objects.annotate(refunded_total=Sum("sources__amount_refunded")).order_by("-date_placed")[:50])
    for order in orders:
        order.can_refund = order.status in REFUNDABLE
    return render(request, "shop/admin/orders.html", {"orders": orders})


@require_POST
def refund_view(request, number):
    _require(request)
    order = get_object_or_404(Order, number=number)
    if order.status not in REFUNDABLE:
        messages.error(request, _("Order %(number)s cannot be refunded in its current state.") % {"number": number})
        return redirect("shop_admin_orders")
    source = order.sources.filter(source_type__code=CARD_SOURCE).first()
    remaining = source.amount_debited - source.amount_refunded if source else 0
    if source is None or remaining <= 0:
        messages.error(request, _("Order %(number)s has no card payment to refund.") % {"number": number})
        return redirect("shop_admin_orders")
    try:
        refund = payments.refund(source.reference, remaining, order.number)
    except Exception as error:  # noqa: BLE001 - shown to staff, nothing recorded
        messages.error(request, _("Stripe refused the refund: %(error)s") % {"error": error})
        return redirect("shop_admin_orders")
    EventHandler(request.user).handle_refund(
        order, source, source.amount_refunded + remaining, reference=refund.id, in_full=True
    )
    messages.success(request, _("Order %(number)s was refunded.") % {"number": number})
    return redirect("shop_admin_orders")
