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


@pytest.mark.parametrize("lang", ["de", "ru", "uk"])
def test_signing_in_to_the_shop_stays_in_the_visitors_language(client, demo_site, django_user_model, lang):
    django_user_model.objects.create_user(email=f"in-{lang}@example.com", password="secret-pass-123")
    response = client.post(
        f"/{lang}/shop/accounts/login/",
        {"login-username": f"in-{lang}@example.com", "login-password": "secret-pass-123", "login_submit": "1"},
        follow=True,
        headers={"accept-language": "en"},
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(f"/{lang}/shop/accounts/"), response.redirect_chain
    assert f'<html lang="{lang}"' in response.content.decode()
