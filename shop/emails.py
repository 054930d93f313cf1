"""Order emails in the customer's language, sent by the background worker (core.emails)."""

from django.conf import settings
from django.utils import translation
from oscar.templatetags.currency_filters import currency

from core.business import business_contact
from core.emails import queue_email

from . import l10n
from .models import OrderLanguage
from .order_status import NOTIFIED
from .shipping.repository import PICKUP_CODES


def order_language(order):
    record = OrderLanguage.objects.filter(order_number=order.number).first()
    return record.language if record else settings.LANGUAGE_CODE


def order_email_address(order):
    return order.email or (order.user.email if order.user_id else "")


def line_title(line, titles):
    """The line's product title in the customer's language, else Oscar's title at order time."""
    return titles.get(line.product_id) or line.title


def order_context(order, language):
    """JSON-serialisable facts of the order, amounts formatted for `language`."""
    order_lines = list(order.lines.select_related("product").prefetch_related("attributes__option"))
    titles = l10n.product_titles([line.product for line in order_lines if line.product_id], language)
    pickup = order.shipping_code in PICKUP_CODES
    with translation.override(language):
        cur = order.currency
        lines = [
            {
                "title": line_title(line, titles),
                "options": ", ".join(l10n.option_lines(line.attributes.all())),
                "quantity": line.quantity,
                "total": currency(line.line_price_incl_tax, cur),
            }
            for line in order_lines
        ]
        return {
            "number": order.number,
            "status": order.status,
            "lines": lines,
            "basket_total": currency(order.basket_total_incl_tax, cur),
            "shipping": currency(order.shipping_incl_tax, cur),
            "tax": currency(order.total_tax, cur),
            "total": currency(order.total_incl_tax, cur),
            "shipping_method": str(order.shipping_method),
            "shipping_address": ", ".join(l10n.address_lines(order.shipping_address, language))
            if order.shipping_address_id and not pickup
            else "",
            "pickup": pickup,
            "pickup_address": pickup_address(),
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        }


def pickup_address():
    """Where pickup orders are collected, in the active language (the venue: core/business.py)."""
    contact = business_contact()
    return f"{contact.name}, {contact.address_one_line}" if contact else ""


def send_order_placed(order):
    to = order_email_address(order)
    if not to:
        return None
    language = order_language(order)
    return queue_email("shop/order_confirmation", order_context(order, language), [to], language)


def send_status_changed(order, old_status, new_status):
    to = order_email_address(order)
    if not to or new_status not in NOTIFIED:
        return None
    language = order_language(order)
    context = order_context(order, language)
    context["old_status"] = old_status
    return queue_email(f"shop/order_{new_status.lower()}", context, [to], language)
