from django import template
from wagtail.models import Page
from wagtailseo.models import SeoSettings

from pages.jsonld import build_graph, render_graph

register = template.Library()


@register.simple_tag(takes_context=True)
def jsonld_graph(context):
    """The page's one JSON-LD graph (see pages/jsonld.py)."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    if not isinstance(page, Page):
        page = None

    seo_settings = SeoSettings.for_request(request)  # cached on the request, shared with the meta tags
    return render_graph(build_graph(page, request, seo_settings))
