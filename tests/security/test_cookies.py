"""Every cookie the site sets has SameSite, and Secure in production
(SESSION_COOKIE_SECURE is the production switch): the language cookie, Oscar's
basket cookie, the session and CSRF cookies."""

from decimal import Decimal

import pytest
from oscar.test.factories import create_product


@pytest.mark.parametrize("production", [False, True])
def test_language_and_basket_cookies(client, home_page, settings, production):
    if production:
        settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
        settings.LANGUAGE_COOKIE_SECURE = settings.OSCAR_BASKET_COOKIE_SECURE = True
    language = client.post("/i18n/setlang/", {"language": "de", "next": "/de/"})
    product = create_product(price=Decimal("10.00"), num_in_stock=3)
    basket = client.post(f"/en/shop/basket/add/{product.pk}/", {"quantity": 1})
    cookies = {**language.cookies, **basket.cookies}
    assert {"django_language", "oscar_open_basket"} <= set(cookies)
    for name, morsel in cookies.items():
        assert morsel["samesite"] == "Lax", name
        assert bool(morsel["secure"]) is production, name
