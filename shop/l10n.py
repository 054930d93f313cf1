"""What the shop shows in the customer's language, in one place.

Oscar keeps one English record per product, option and country; the translations live
elsewhere: product names on the ProductPage of each language, the choices of select
options (and option names) in the PO catalogues, country names in CLDR (Babel, which
Oscar already depends on). Basket, checkout, messages, account pages and emails all ask
these functions, through the template tags in shop/templatetags/shop_tags.py.
"""

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from .models import ProductPage

# Option types whose values are chosen from a list the shop wrote (so they are translated);
# a customer's free text (an engraving) is shown as typed.
CHOICE_OPTION_TYPES = {"select", "radio", "multi_select", "checkbox"}


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def product_titles(products, language=None):
    """{product id: title} from the live ProductPage in `language`, else in the default
    language, else Oscar's title. A variant is named by its parent's page."""
    language = language or current_language()
    products = [p for p in products if p is not None]
    page_ids = {p.parent_id or p.pk for p in products}
    found = {}
    if page_ids:
        pages = ProductPage.objects.live().filter(product_id__in=page_ids)
        rows = pages.filter(locale__language_code__in={language, settings.LANGUAGE_CODE}).values_list(
            "product_id", "locale__language_code", "title"
        )
        for product_id, code, title in rows:
            if code == language or product_id not in found:
                found[product_id] = title
    return {p.pk: found.get(p.parent_id or p.pk) or p.get_title() for p in products}


def product_title(product, language=None):
    return product_titles([product], language)[product.pk]


def option_name(option):
    return gettext(option.name) if option is not None else ""


def option_value(option, value):
    """A chosen option value as the customer reads it (choices translated, free text as typed)."""
    if isinstance(value, list | tuple):
        return ", ".join(option_value(option, v) for v in value)
    value = "" if value is None else str(value)
    if option is not None and option.type in CHOICE_OPTION_TYPES and value:
        return gettext(value)
    return value


def option_lines(attributes):
    """["Scent: Argan", …] for a basket or order line's attributes, translated."""
    return [f"{option_name(a.option)}: {option_value(a.option, a.value)}" for a in attributes]


def localize_option_choices(form):
    """Translate the labels (not the submitted values) of an add-to-basket form's option fields."""
    for field in form.fields.values():
        if hasattr(field, "choices"):
            field.choices = [(value, gettext(str(label)) if value else label) for value, label in field.choices]
        if field.label:
            field.label = gettext(str(field.label))
    return form


def country_name(code, language=None):
    """The country's name in `language` (CLDR), e.g. DE → "Deutschland" in German."""
    language = language or current_language()
    try:
        name = Locale.parse(language).territories.get(code.upper())
    except (UnknownLocaleError, ValueError, AttributeError):
        name = None
    return name or code


def localise_country_field(form):
    """Every address form (checkout, account address book): Oscar labels countries with their
    English name; name them in the visitor's language, the most used first."""
    country = form.fields.get("country")
    if country is not None and hasattr(country, "queryset"):
        country.label_from_instance = lambda c: country_name(c.iso_3166_1_a2)
        country.queryset = country.queryset.order_by("-display_order", "printable_name")
    return form


def address_lines(address, language=None):
    """An Oscar address as lines, its country named in `language`."""
    if address is None:
        return []
    lines = list(address.active_address_fields())
    if getattr(address, "country_id", None):
        english = address.country.printable_name
        local = country_name(address.country_id, language)
        lines = [local if line == english else line for line in lines]
    return lines
