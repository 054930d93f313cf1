"""The account's address book names countries in the customer's language, in the form and the list."""

import re

import pytest

from tests.shop_models import Country


@pytest.mark.parametrize(("lang", "germany"), [("de", "Deutschland"), ("ru", "Германия"), ("uk", "Німеччина")])
def test_address_book_names_countries_in_the_customers_language(client, demo_site, django_user_model, lang, germany):
    assert Country.objects.filter(iso_3166_1_a2="DE").exists()
    user = django_user_model.objects.create_user(email=f"book-{lang}@example.com", password="x")
    client.force_login(user)

    form = client.get(f"/{lang}/shop/accounts/addresses/add/").content.decode()
    assert re.search(rf'<option value="DE"[^>]*>{germany}</option>', form), "country not named in the language"
    assert ">Germany<" not in form and ">United Kingdom<" not in form

    response = client.post(
        f"/{lang}/shop/accounts/addresses/add/",
        {
            "first_name": "Olga",
            "last_name": "Test",
            "line1": "Torstraße 1",
            "line4": "Berlin",
            "postcode": "10119",
            "country": "DE",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    book = client.get(f"/{lang}/shop/accounts/addresses/").content.decode()
    assert germany in book and "Germany" not in book

    address_id = re.search(r"/shop/accounts/addresses/(\d+)/", book).group(1)
    edit = client.get(f"/{lang}/shop/accounts/addresses/{address_id}/").content.decode()
    assert re.search(rf'<option value="DE" selected>{germany}</option>', edit)

    delete_page = client.get(f"/{lang}/shop/accounts/addresses/{address_id}/delete/").content.decode()
    assert germany in delete_page and "Germany" not in delete_page
    response = client.post(f"/{lang}/shop/accounts/addresses/{address_id}/delete/", follow=True)
    toasts = " ".join(str(m) for m in response.context["messages"])
    assert germany in toasts and "Germany" not in toasts
