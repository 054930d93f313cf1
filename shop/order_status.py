"""Order statuses: the values stored in Oscar's `Order.status` and the pipeline between them.

Plain Python (settings import it to build OSCAR_ORDER_STATUS_PIPELINE). Only the event handler
(shop/processing.py) moves an order from one status to another. The names are gettext_noop'ed:
pages show them with `{% translate order.status %}`.
"""

from django.utils.translation import gettext_noop

PENDING = gettext_noop("Pending")  # placed, payment authorised or not yet confirmed
PAID = gettext_noop("Paid")  # money taken
SHIPPED = gettext_noop("Shipped")  # left the shop (sent or collected)
REFUNDED = gettext_noop("Refunded")  # money given back in full
CANCELLED = gettext_noop("Cancelled")  # never paid, or called off before shipping

INITIAL = PENDING
PIPELINE = {
    PENDING: (PAID, CANCELLED),
    PAID: (SHIPPED, REFUNDED, CANCELLED),
    SHIPPED: (REFUNDED,),
    REFUNDED: (),
    CANCELLED: (),
}

# Still to be delivered: stock stays reserved, an erased customer's addresses are kept until it ships.
OPEN = (PENDING, PAID)
# Paid and not given back: counts as revenue and can be refunded.
PAID_FOR = (PAID, SHIPPED)
# The customer gets an email when the order reaches one of these (templates/emails/shop/order_<status>.txt).
NOTIFIED = (SHIPPED, REFUNDED, CANCELLED)


def path_to(current, target, pipeline=PIPELINE):
    """The statuses to walk through from `current` to `target` (the pipeline moves one step at a time):
    the shortest path, [] when already there or when `target` cannot be reached (never backwards)."""
    paths = {current: []}
    queue = [current]
    while queue:
        status = queue.pop(0)
        if status == target:
            return paths[status]
        for following in pipeline.get(status, ()):
            if following not in paths:
                paths[following] = [*paths[status], following]
                queue.append(following)
    return []


# Payment event types (Oscar's PaymentEventType names) written on the order.
SETTLED_EVENT = gettext_noop("Settled")  # the money was taken
REFUNDED_EVENT = "Refunded"  # (part of) it was given back
