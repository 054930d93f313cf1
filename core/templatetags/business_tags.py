from django import template

from core.business import business_contact as lookup

register = template.Library()


@register.simple_tag(takes_context=True)
def business_contact(context):
    """{% business_contact as business %}: address, phone, hours of the business (core/business.py)."""
    return lookup(context.get("request"))
