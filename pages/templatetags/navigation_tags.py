from django import template

from pages.languages import language_links

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {"links": language_links(request, context.get("page")), "request": request}
