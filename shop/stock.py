"""Guarded stock allocation: never allocate more than is in stock.

Oscar 4.2's `StockRecord.allocate()` is an unconditional `num_allocated += q`. Here
the check and the increment are one conditional UPDATE, so concurrent checkouts
cannot both take the last item: the database serialises the row updates and the
loser's WHERE clause no longer matches.

What happens to the reservation afterwards (shipped, cancelled, refunded) is decided by the
order's event handler (shop/processing.py).
"""

from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.translation import gettext as _
from oscar.apps.order.utils import OrderCreator
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


class SoldOut(Exception):
    def __init__(self, product_title):
        self.product_title = product_title
        super().__init__(
            _("Sorry, “%(title)s” sold out while you were checking out. Your card has not been charged.")
            % {"title": product_title}
        )


def allocate(stockrecord_id, quantity):
    """Allocate `quantity` units or return False if fewer are free."""
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    updated = StockRecord.objects.filter(
        pk=stockrecord_id, num_in_stock__gte=Coalesce(F("num_allocated"), 0) + quantity
    ).update(num_allocated=Coalesce(F("num_allocated"), 0) + quantity)
    return updated == 1


def consume(stockrecord, quantity):
    """The order shipped: `quantity` units leave the shelf and stop being reserved, in one UPDATE.
    Oscar's `consume_allocation()` raises when fewer are reserved (staff edited the numbers); here
    the counts stop at zero instead."""
    if not stockrecord.can_track_allocations:
        return
    stockrecord.pre_save_signal()
    allocated = Coalesce(F("num_allocated"), 0)
    StockRecord.objects.filter(pk=stockrecord.pk).update(
        num_allocated=allocated - Least(allocated, Value(quantity)),
        num_in_stock=Greatest(Coalesce(F("num_in_stock"), 0) - quantity, Value(0)),
    )
    stockrecord.refresh_from_db(fields=["num_allocated", "num_in_stock"])
    stockrecord.post_save_signal()


class GuardedOrderCreator(OrderCreator):
    """Oscar's OrderCreator with the guarded allocation (the order's transaction rolls back on SoldOut)."""

    def update_stock_records(self, line):
        if not line.product.get_product_class().track_stock:
            return
        if not allocate(line.stockrecord_id, line.quantity):
            raise SoldOut(line.product.get_title())
        # Oscar's allocate() ends with this signal; its receivers raise low-stock alerts.
        stockrecord = line.stockrecord
        stockrecord.refresh_from_db(fields=["num_allocated"])
        stockrecord.post_save_signal()
