"""Oscar's shipping app, forked (Oscar's documented way) only to supply our Repository."""

import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "shop.shipping"
