from django import template

from core.localize import localized_page

register = template.Library()


@register.filter
def localized(page):
    """`{% pageurl value.page|localized %}`: the visitor's language version of a chosen page.
    (Blocks with several references batch them in their get_context instead.)"""
    return localized_page(page)
