import json
import re

import pytest
from django.test import RequestFactory
from wagtail import hooks

from core.hooks import CONSTRUCT_JSONLD_GRAPH
from pages import jsonld
from pages.jsonld import build_graph, render_graph


def test_render_graph_cannot_break_out_of_the_script_element():
    html = render_graph({"@graph": [{"name": "</script><script>alert(1)</script> & more"}]})
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html).group(1)
    assert "</script" not in body and "<" not in body
    assert json.loads(body)["@graph"][0]["name"] == "</script><script>alert(1)</script> & more"


def test_business_node_from_seo_settings():
    class Settings:
        struct_org_type = "HairSalon"
        struct_org_name = "Studio Aurora"
        struct_org_phone = "+49 30 1234"
        struct_org_address_street = "Kastanienallee 12"
        struct_org_address_locality = "Berlin"
        struct_org_address_region = ""
        struct_org_address_postal = "10435"
        struct_org_address_country = "DE"

    node = jsonld.business_node(Settings(), "https://example.com/en/", "https://example.com/#business")
    assert node["@type"] == "HairSalon" and node["name"] == "Studio Aurora" and node["telephone"] == "+49 30 1234"
    assert node["address"]["postalCode"] == "10435" and node["address"]["addressCountry"] == "DE"
    assert jsonld.business_node(None, "u", "id") == {"@type": "Organization", "@id": "id", "url": "u"}


@pytest.mark.django_db
def test_graph_links_nodes_by_id_and_contributors_extend_it(home_page):
    request = RequestFactory().get("/en/", HTTP_HOST="example.com")

    def opening_hours(page, request, ctx, nodes):
        ctx.business["openingHours"] = "Mo-Fr 09:00-18:00"
        nodes.append({"@type": "Service", "name": "Haircut", "provider": {"@id": ctx.business_id}})

    with hooks.register_temporarily(CONSTRUCT_JSONLD_GRAPH, opening_hours):
        graph = build_graph(home_page, request)
    nodes = {node["@type"]: node for node in graph["@graph"]}
    assert graph["@context"] == "https://schema.org"
    assert nodes["WebPage"]["isPartOf"] == {"@id": nodes["WebSite"]["@id"]}
    assert nodes["WebPage"]["about"] == {"@id": nodes["Organization"]["@id"]}
    assert nodes["Organization"]["openingHours"] == "Mo-Fr 09:00-18:00"  # enriched by the contributor
    assert nodes["Service"]["provider"] == {"@id": nodes["Organization"]["@id"]}
    assert "BreadcrumbList" not in nodes  # the home page has no breadcrumbs
