"""One JSON-LD graph per page, from one builder.

The builder emits WebSite, the business (Organization, or LocalBusiness when a
contributor supplies opening hours), WebPage and, below the home page, a
BreadcrumbList. Other apps extend the graph without `pages` importing them, through the
`construct_jsonld_graph` Wagtail hook (core/hooks.py), in their `wagtail_hooks.py`:

    @hooks.register(CONSTRUCT_JSONLD_GRAPH)
    def product_nodes(page, request, graph, nodes):
        # `graph` is the GraphContext: ids of the standard nodes, and the
        # business node dict, which a contributor may enrich (e.g. hours).
        if isinstance(page, ProductPage):
            nodes.append({"@type": "Product", "@id": graph.page_url + "#product", ...})
"""

import json
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Site

from core.business import business_contact
from core.hooks import CONSTRUCT_JSONLD_GRAPH


@dataclass
class GraphContext:
    site_url: str
    page_url: str
    website_id: str
    business_id: str
    webpage_id: str
    business: dict
    extra: dict = field(default_factory=dict)


def _absolute(request, url):
    if url.startswith("http://") or url.startswith("https://"):
        return url
    return request.build_absolute_uri(url)


def business_node(settings_obj, site_url, business_id):
    """Organization from wagtail-seo's SeoSettings (Settings → SEO in the admin)."""
    org_type = (getattr(settings_obj, "struct_org_type", "") or "Organization") if settings_obj else "Organization"
    node = {"@type": org_type, "@id": business_id, "url": site_url}
    if settings_obj is not None:
        name = getattr(settings_obj, "struct_org_name", "")
        if name:
            node["name"] = name
        phone = getattr(settings_obj, "struct_org_phone", "")
        if phone:
            node["telephone"] = phone
        street = getattr(settings_obj, "struct_org_address_street", "")
        if street:
            node["address"] = {
                "@type": "PostalAddress",
                "streetAddress": street,
                "addressLocality": getattr(settings_obj, "struct_org_address_locality", ""),
                "addressRegion": getattr(settings_obj, "struct_org_address_region", ""),
                "postalCode": getattr(settings_obj, "struct_org_address_postal", ""),
                "addressCountry": getattr(settings_obj, "struct_org_address_country", ""),
            }
    return node


def breadcrumb_node(page, request, page_url):
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gte=2).specific(defer=True))
    if len(ancestors) < 2:
        return None
    items = []
    for position, crumb in enumerate(ancestors, start=1):
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": _absolute(request, crumb.get_url(request) or ""),
            }
        )
    return {"@type": "BreadcrumbList", "@id": page_url + "#breadcrumbs", "itemListElement": items}


def build_graph(page, request, seo_settings=None):
    """Return the schema.org graph (a dict) for `page` (a Wagtail page or None)."""
    site = Site.find_for_request(request)
    root = site.root_page.localized if site else None
    site_url = _absolute(request, root.get_url(request)) if root else request.build_absolute_uri("/")
    page_url = _absolute(request, page.get_url(request)) if page is not None else request.build_absolute_uri()
    ctx = GraphContext(
        site_url=site_url,
        page_url=page_url,
        website_id=site_url + "#website",
        business_id=request.build_absolute_uri("/") + "#business",  # one business across languages
        webpage_id=page_url + "#webpage",
        business={},
    )
    ctx.business = business_node(seo_settings, site_url, ctx.business_id)
    contact = business_contact(request)
    if contact is not None:
        # The venue is the one source of address and phone (core/business.py).
        if contact.phone:
            ctx.business["telephone"] = contact.phone
        ctx.business["address"] = {"@type": "PostalAddress", "streetAddress": contact.address_one_line}
    if "name" not in ctx.business and site is not None and site.site_name:
        ctx.business["name"] = site.site_name

    website = {
        "@type": "WebSite",
        "@id": ctx.website_id,
        "url": site_url,
        "name": ctx.business.get("name", ""),
        "publisher": {"@id": ctx.business_id},
        "inLanguage": get_language(),
    }
    webpage = {
        "@type": "WebPage",
        "@id": ctx.webpage_id,
        "url": page_url,
        "isPartOf": {"@id": ctx.website_id},
        "about": {"@id": ctx.business_id},
        "inLanguage": get_language(),
    }
    nodes = [website, ctx.business, webpage]
    if page is not None:
        webpage["name"] = getattr(page, "seo_pagetitle", None) or page.title
        description = getattr(page, "seo_description", None) or getattr(page, "search_description", "")
        if description:
            webpage["description"] = description
        crumbs = breadcrumb_node(page, request, page_url)
        if crumbs:
            webpage["breadcrumb"] = {"@id": crumbs["@id"]}
            nodes.append(crumbs)
    for construct in hooks.get_hooks(CONSTRUCT_JSONLD_GRAPH):
        construct(page, request, ctx, nodes)
    return {"@context": "https://schema.org", "@graph": nodes}


def render_graph(graph):
    """Serialise for a <script type="application/ld+json"> element, safe against </script>."""
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
