"""Product reviews: anonymous visitors cannot post them, and a customer's review
is not published until a moderator approves it."""

from decimal import Decimal

from oscar.test.factories import create_product

from tests.shop_models import ProductReview

REVIEW = {"title": "Buy from http://spam.example", "score": 5, "body": "Cheap pills at http://spam.example"}


def test_anonymous_reviews_are_refused(client, home_page):
    product = create_product(price=Decimal("10.00"), num_in_stock=3)
    url = f"/en/shop/catalogue/{product.slug}_{product.pk}/reviews/add/"
    client.post(url, {**REVIEW, "name": "Bot", "email": "bot@example.com"})
    assert not ProductReview.objects.exists()


def test_a_customers_review_waits_for_moderation(client, home_page, django_user_model):
    product = create_product(price=Decimal("10.00"), num_in_stock=3)
    client.force_login(django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789"))
    base = f"/en/shop/catalogue/{product.slug}_{product.pk}/reviews/"
    client.post(base + "add/", REVIEW)
    client.post(base + "add/", {**REVIEW, "title": "Again"})  # one review per customer and product
    review = ProductReview.objects.get()
    assert review.status == ProductReview.FOR_MODERATION
    assert "spam.example" not in client.get(base).content.decode()


def test_a_review_waiting_for_moderation_has_no_public_page(client, home_page, django_user_model):
    product = create_product(price=Decimal("10.00"), num_in_stock=3)
    client.force_login(django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789"))
    base = f"/en/shop/catalogue/{product.slug}_{product.pk}/reviews/"
    client.post(base + "add/", REVIEW)
    review = ProductReview.objects.get()
    client.logout()
    page = client.get(f"{base}{review.pk}/")
    assert page.status_code in (302, 404) and b"spam.example" not in page.content
    other = create_product(price=Decimal("5.00"), num_in_stock=1)
    review.status = ProductReview.APPROVED
    review.save()
    assert "spam.example" in client.get(f"{base}{review.pk}/").content.decode()  # approved: public
    elsewhere = client.get(f"/en/shop/catalogue/{other.slug}_{other.pk}/reviews/{review.pk}/")
    assert elsewhere.status_code in (302, 404) and b"spam.example" not in elsewhere.content  # only under its product
