"""Template tags for shop pages and emails: names in the visitor's language (see shop/l10n.py)."""

from django import template
from oscar.templatetags.basket_tags import basket_form

from .. import l10n
from ..checkout_flow import checkout_steps as steps
from ..shipping.repository import PICKUP_CODES

register = template.Library()


def _titles_cache(context):
    """Per-request {(language, product id): title}; the first lookup also names every
    product in the visitor's basket, so a basket or checkout page costs one query."""
    request = context.get("request")
    holder = request if request is not None else context
    cache = getattr(holder, "_shop_product_titles", None)
    if cache is None:
        cache = {}
        try:
            holder._shop_product_titles = cache
        except AttributeError:
            pass
    return request, cache


@register.simple_tag(takes_context=True)
def product_name(context, product):
    """The product's name: the title of its ProductPage in the current language."""
    if product is None:
        return ""
    language = l10n.current_language()
    request, cache = _titles_cache(context)
    key = (language, product.pk)
    if key not in cache:
        products = [product]
        basket = getattr(request, "basket", None) if request is not None else None
        if basket is not None and getattr(basket, "id", None):
            products += [line.product for line in basket.all_lines()]
        for pk, title in l10n.product_titles(products, language).items():
            cache[(language, pk)] = title
    return cache[key]


@register.simple_tag(takes_context=True)
def line_name(context, line):
    """A basket or order line's product name in the current language (Oscar's title if the product is gone)."""
    product = getattr(line, "product", None)
    if product is None:
        return getattr(line, "title", "")
    return product_name(context, product)


@register.simple_tag
def line_options(line):
    """The line's chosen options, translated: ["Scent: Argan", …]."""
    return l10n.option_lines(line.attributes.all())


@register.simple_tag
def localized_basket_form(request, product):
    """Oscar's add-to-basket form with a quantity field and translated option labels."""
    form = basket_form(request, product, "multiple")
    return l10n.localize_option_choices(form) if form else form


@register.filter
def country_name(country):
    """A country (Oscar's Country or an ISO code) named in the current language."""
    code = getattr(country, "iso_3166_1_a2", country)
    return l10n.country_name(code) if code else ""


@register.filter
def address_lines(address):
    return l10n.address_lines(address)


@register.simple_tag
def checkout_steps(request):
    return steps(request)


@register.simple_tag
def is_pickup_code(code):
    return code in PICKUP_CODES
