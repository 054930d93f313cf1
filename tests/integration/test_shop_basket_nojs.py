"""The basket works without JavaScript: "Update" saves a quantity, "Remove" removes a line."""

import pytest
from oscar.test import factories

pytestmark = pytest.mark.django_db


def formset_data(html, **overrides):
    import re

    data = dict(re.findall(r'<input[^>]*name="(form-[^"]+)"[^>]*value="([^"]*)"', html))  # not the buttons
    data.update(re.findall(r'name="(csrfmiddlewaretoken)" value="([^"]+)"', html)[:1])
    data.update(overrides)
    return data


def test_update_and_remove_without_javascript(client, home_page):
    comb = factories.create_product(title="Wide-tooth comb", price=5, num_in_stock=10)
    brush = factories.create_product(title="Round brush", price=12, num_in_stock=10)
    for product in (comb, brush):
        assert client.post(f"/de/shop/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302

    html = client.get("/de/shop/basket/").content.decode()
    assert "Wide-tooth comb" in html  # no ProductPage: Oscar's title
    assert ">Aktualisieren<" in html and ">Entfernen<" in html

    response = client.post("/de/shop/basket/", formset_data(html, **{"form-0-quantity": "3"}))
    assert response.status_code == 302
    basket = client.get("/de/shop/basket/").context["basket"]
    assert sorted(line.quantity for line in basket.all_lines()) == [1, 3]

    html = client.get("/de/shop/basket/").content.decode()
    response = client.post("/de/shop/basket/", formset_data(html, **{"form-0-DELETE": "on"}))
    assert response.status_code == 302
    assert client.get("/de/shop/basket/").context["basket"].num_lines == 1
