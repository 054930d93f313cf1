"""Money as a visitor reads it: the one helper behind every displayed price (shop and booking).

Amounts are formatted for the active language with Babel, through Oscar's `currency` filter (the
same one templates use: `{{ amount|currency }}`): 12,50 € in German, €12.50 in English. The
currency is the price's own, else the site's (OSCAR_DEFAULT_CURRENCY, environment CURRENCY).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from oscar.templatetags.currency_filters import currency as format_currency


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __str__(self):
        return format_currency(self.amount, self.currency)

    @property
    def schema_price(self):
        """The amount as schema.org's Offer.price wants it: a plain number, "12.50"."""
        return f"{self.amount:.2f}"


def money(amount, currency=None):
    """`amount` (in the site's currency unless `currency` says otherwise) as a Money, or None without one."""
    if amount is None:
        return None
    return Money(Decimal(amount), currency or settings.OSCAR_DEFAULT_CURRENCY)
