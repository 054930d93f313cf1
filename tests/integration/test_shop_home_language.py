"""Oscar's "home" (the shop root, "Continue shopping", a thank-you page without an order, sign-out)
leads to the storefront in the visitor's language, not to "/" and from there to English."""

import re

import pytest

STOREFRONT = {"de": "/de/produkte/", "ru": "/ru/tovary/", "uk": "/uk/tovary/"}


@pytest.mark.parametrize("lang", ["de", "ru", "uk"])
def test_shop_home_and_continue_shopping_stay_in_the_visitors_language(client, demo_site, lang):
    client.cookies.clear()
    for url in (f"/{lang}/shop/", f"/{lang}/shop/checkout/thank-you/"):
        response = client.get(url, follow=True, headers={"accept-language": "en"})
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == STOREFRONT[lang], (url, response.redirect_chain)
        assert f'<html lang="{lang}"' in response.content.decode()

    basket = client.get(f"/{lang}/shop/basket/").content.decode()
    link = re.search(r'class="basket-empty">.*?<a href="([^"]+)"', basket, re.S).group(1)
    response = client.get(link, follow=True, headers={"accept-language": "en"})
    assert response.redirect_chain[-1][0] == STOREFRONT[lang]
