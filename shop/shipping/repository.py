"""The shipping methods a customer chooses from at checkout.

Oscar asks `Repository` for the methods of a basket; the first one is the estimate
shown in the basket. Prices include tax (the shop's prices are gross).
"""

from decimal import Decimal as D

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods, repository


class SalonPickup(methods.Free):
    code = "salon-pickup"
    name = _("Pickup in the salon")
    description = _("Collect your order in the salon during opening hours. Free of charge.")
    is_pickup = True  # no shipping address is asked for (shop/checkout_flow.py)


class StandardDelivery(methods.FixedPrice):
    code = "standard-delivery"
    name = _("Standard delivery")
    description = _("Sent by post, usually within 2–4 working days.")
    charge_excl_tax = D("4.90")
    charge_incl_tax = D("4.90")


class Repository(repository.Repository):
    methods = (SalonPickup(), StandardDelivery())


# Orders with these methods are collected in the salon: no address, "pickup" in emails.
PICKUP_CODES = frozenset(m.code for m in Repository.methods if getattr(m, "is_pickup", False))
