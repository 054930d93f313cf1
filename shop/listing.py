"""Storefront listing: query parameters, product cards, sorting and search.

The parameter parsing and sorting are plain Python; only `search_page_ids` and
`card_for` touch the ORM / Oscar's strategy.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from core.money import Money

from .prices import displayed_price

SORT_CHOICES = [
    ("", _("Featured")),
    ("name", _("Name (A–Z)")),
    ("-name", _("Name (Z–A)")),
    ("price", _("Price (low to high)")),
    ("-price", _("Price (high to low)")),
]
SORT_KEYS = {key for key, _label in SORT_CHOICES}


@dataclass(frozen=True)
class ListingParams:
    category: str = ""
    sort: str = ""
    query: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, data):
        """Never fails: unknown values fall back to the defaults."""
        sort = data.get("sort", "")
        try:
            page = max(1, int(data.get("page", 1)))
        except (TypeError, ValueError):
            page = 1
        return cls(
            category=data.get("category", "")[:255],
            sort=sort if sort in SORT_KEYS else "",
            query=" ".join(data.get("q", "").split())[:100],
            page=page,
        )

    def querystring(self, exclude=()):
        values = {"category": self.category, "sort": self.sort, "q": self.query, "page": self.page}
        if self.page == 1:
            values.pop("page")
        return urlencode({k: v for k, v in values.items() if v and k not in exclude})


@dataclass
class Card:
    page: object
    title: str
    price: Money | None
    available: bool
    image: object
    position: int


def card_for(page, strategy):
    product = page.product
    info = strategy.fetch_for_product(product)
    images = list(product.images.all())
    return Card(
        page=page,
        title=page.title,
        price=displayed_price(info),
        available=info.availability.is_available_to_buy,
        image=images[0] if images else None,
        position=page.path,
    )


def sort_cards(cards, sort):
    """Sort product cards; products without a price go last for price sorts."""
    if sort in ("name", "-name"):
        return sorted(cards, key=lambda c: c.title.casefold(), reverse=sort == "-name")
    if sort == "price":
        return sorted(cards, key=lambda c: (c.price is None, c.price.amount if c.price else 0, c.title.casefold()))
    if sort == "-price":
        return sorted(cards, key=lambda c: (c.price is None, -c.price.amount if c.price else 0, c.title.casefold()))
    return sorted(cards, key=lambda c: c.position)


def matches(query, *texts):
    """Every word of `query` occurs in one of `texts` (Unicode case-insensitive, so
    Cyrillic and umlauts match on every database)."""
    haystack = " ".join(t for t in texts if t).casefold()
    return all(word in haystack for word in query.casefold().split())
