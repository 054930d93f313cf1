"""The price a customer sees for a product: one rule for product pages, shop listings and JSON-LD."""

from core.money import money


def displayed_price(purchase_info):
    """The Money shown for a product (Oscar's PurchaseInfo): the gross price when tax is known
    (the shop's prices are gross), else the net one; None when the product has no price."""
    price = purchase_info.price
    if not price.exists:
        return None
    return money(price.incl_tax if price.is_tax_known else price.excl_tax, price.currency)
