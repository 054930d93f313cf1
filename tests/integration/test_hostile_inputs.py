"""No input gets a 500: each observed crash, over HTTP, answers with a clear message instead.

The walker over every URL the product serves is tests/integration/test_hostile_walk.py;
these are the reported cases, each with the answer a visitor gets.
"""

import json
import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.urls import URLResolver, get_resolver
from django.utils import translation
from oscar.test.factories import create_product

from shop.models import StripeEvent
from shop.order_status import PENDING
from tests.booking_fixtures import make_studio
from tests.shop_models import Category, ProductReview
from tests.stripe_helpers import post_webhook, stripe_order

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday
MONDAY = "2030-06-03"
INVALID = "Some of your choices are not valid or no longer available."
NUL_REASON = "contains a NUL character"

SECRET = "whsec_hostile"


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def studio(home_page, django_user_model):
    _venue, page, haircut, anna = make_studio(home_page)
    return page, haircut, anna


@pytest.mark.parametrize(
    "query",
    [
        "date=9999-12-31",
        "date=0001-01-01",
        "month=9999-12",
        "month=0001-01",
        "date=2030-06-03&start=99991231T2359Z",
        "date=" + "9" * 10_000,
    ],
)
def test_out_of_range_dates_in_the_wizard_show_the_step_again_with_a_message(client, studio, query):
    page, haircut, _anna = studio
    response = client.get(f"{page.url}?service={haircut.pk}&staff=any&{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert INVALID in html and 'role="alert"' in html
    assert 'data-step="date"' in html or 'data-step="time"' in html


def test_a_date_far_away_but_in_range_is_just_not_bookable(client, studio):
    page, haircut, _anna = studio
    response = client.get(f"{page.url}?service={haircut.pk}&staff=any&date=2999-12-31")
    assert response.status_code == 200 and 'data-step="time"' in response.content.decode()
    response = client.get(f"{page.url}?service={haircut.pk}&staff=any&month=2999-12")
    assert response.status_code == 200 and 'data-step="date"' in response.content.decode()


@pytest.mark.parametrize(
    "values",
    [
        {"date": "9999-12-31", "start": "99991231T2359Z"},
        {"date": "0001-01-01", "start": "00010101T0000Z"},
        {"date": MONDAY, "start": "99991231T2359Z"},
        {"date": MONDAY, "start": "20300603T0800Z", "service": "99999999999999999999"},
    ],
)
def test_the_no_javascript_form_answers_400_with_a_message(client, studio, values):
    page, haircut, _anna = studio
    data = {"service": haircut.pk, "staff": "any", "action": "details", "client_name": "A", "client_email": "a@x.org"}
    response = client.post(page.url + "book/", {**data, **values})
    assert response.status_code == 400
    assert INVALID in response.content.decode()


def test_nul_bytes_answer_400_with_the_reason(client, studio):
    page, haircut, _anna = studio
    for url in [f"{page.url}?reschedule=%00", "/en/search/?q=%00", f"{page.url}?service={haircut.pk}&staff=%00"]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert NUL_REASON in response.content.decode()
    response = client.post(page.url + "book/", {"service": haircut.pk, "client_name": "A\x00"})
    assert response.status_code == 400 and NUL_REASON in response.content.decode()
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/en/").status_code == 400


@pytest.mark.parametrize("settings_debug", [False, True])
def test_an_unreadable_form_body_answers_400_with_the_reason(client, studio, settings, settings_debug):
    """Multipart without a boundary, a form body that is not UTF-8: 400 saying so, in the page's
    language (with DEBUG on, Django's own path answered 500 re-reading the body)."""
    settings.DEBUG = settings_debug
    page, _haircut, _anna = studio
    for content_type, body in [
        ("multipart/form-data", b"xx"),
        ("application/x-www-form-urlencoded; charset=utf-16", b"a=b"),  # forms must be UTF-8
    ]:
        for url in (page.url + "book/", "/en/ops/feedback/", "/en/shop/basket/", "/stripe/webhook/"):
            response = client.post(url, data=body, content_type=content_type)
            assert response.status_code == 400, (url, content_type)
            assert "the form data cannot be read" in response.content.decode(), url
    response = client.post("/de/shop/basket/", data=b"xx", content_type="multipart/form-data")
    assert response.status_code == 400 and "Formulardaten" in response.content.decode()


def test_the_admin_calendar_takes_any_date(client, studio, admin_user):
    client.force_login(admin_user)
    for query in ["date=9999-12-31", "date=0001-01-01", "date=2999-12-31&view=week", "staff=²", "staff=-1"]:
        response = client.get("/admin/booking/calendar/?" + query)
        assert response.status_code == 200, query


def test_a_non_numeric_id_in_an_admin_address_is_not_found(client, home_page, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/snippets/core/banner/history/unknown/revisions/compare/1...2/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "chooser", ["images/chooser", "documents/chooser", "choose-page", "snippets/choose/core/banner"]
)
def test_ids_the_database_cannot_read_in_a_chooser_query_choose_nothing(client, home_page, admin_user, chooser):
    """Wagtail's choosers passed `?id=` straight to the ORM (ValueError; OverflowError on SQLite)."""
    client.force_login(admin_user)
    for ids in (["x"], ['12" mirror'], ["99999999999999999999"], ["-1", "abc"]):
        response = client.get(f"/admin/{chooser}/chosen-multiple/", {"id": ids})
        assert response.status_code == 200, ids
        assert response.json()["result"] == [], ids
    home = client.get("/admin/choose-page/chosen-multiple/", {"id": ["x", home_page.pk]}).json()
    assert [page["id"] for page in home["result"]] == [home_page.pk]  # the readable id is still chosen


def test_the_statistics_form_refuses_dates_out_of_range(client, home_page, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/ops/statistics/?start=9999-12-30&end=9999-12-31")
    assert response.status_code == 200
    assert "Please choose dates between" in response.content.decode()


@pytest.mark.sqlite  # FTS5 syntax; PostgreSQL's search is tested by the walk
@pytest.mark.parametrize("query", ['12" mirror', '"', "NOT", "a AND", "(x", "hair*", "e-mail: ^x", "NEAR(a b)"])
def test_search_words_with_fts5_syntax_are_searched_as_words(client, home_page, settings, query):
    # Without migrations the test database has a plain table where the migration puts
    # an FTS5 one; replace it as the migration does (rolled back with the test).
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS wagtailsearch_indexentry_fts")
        cursor.execute("CREATE VIRTUAL TABLE wagtailsearch_indexentry_fts USING fts5(autocomplete, body, title)")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "Nothing found for" in response.content.decode()


# --- Stripe webhooks ----------------------------------------------------------------


@pytest.fixture
def order(home_page, settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    return stripe_order("300001", PENDING, "pi_hostile", debited=True)


def signed_post(client, body):
    return post_webhook(client, body, SECRET)


def charge(**changes):
    obj = {"id": "ch_h", "object": "charge", "payment_intent": "pi_hostile", "amount_refunded": 100, "refunded": True}
    return {"id": "evt_h", "type": "charge.refunded", "created": int(time.time()), "data": {"object": obj | changes}}


def without(event, key):
    return {k: v for k, v in event.items() if k != key}


@pytest.mark.parametrize(
    "body",
    [
        json.dumps([charge()]),
        json.dumps("evt"),
        "null",
        json.dumps(without(charge(), "id")),
        json.dumps(without(charge(), "type")),
        json.dumps(without(charge(), "data")),
        json.dumps({**charge(), "created": "yesterday"}),
        json.dumps({**charge(), "created": 10**20}),
        json.dumps({**charge(), "id": 5}),
        json.dumps({**charge(), "id": "evt\u0000"}),
        json.dumps({**charge(), "data": []}),
        json.dumps({**charge(), "data": {"object": "ch_h"}}),
        json.dumps(charge(amount_refunded="abc")),
        json.dumps(charge(amount_refunded=None)),
        json.dumps(charge(amount_refunded=-5)),
        json.dumps(charge(amount_refunded=True)),
        json.dumps(charge(payment_intent=["pi_hostile"])),
        json.dumps(charge(refunded="yes")),
        json.dumps({**charge(), "type": "payment_intent.succeeded", "data": {"object": {"id": 7}}}),
    ],
)
def test_malformed_signed_webhooks_answer_400_and_change_nothing(client, order, body):
    response = signed_post(client, body)
    assert response.status_code == 400
    assert response.content.decode().startswith("Invalid")
    order.refresh_from_db()
    assert order.status == PENDING
    assert not StripeEvent.objects.exists()
    assert order.sources.get().amount_refunded == 0


def test_a_well_formed_refund_still_applies(client, order):
    assert signed_post(client, json.dumps(charge(amount_refunded=int(order.total_incl_tax * 100)))).status_code == 200
    assert order.sources.get().amount_refunded == order.total_incl_tax


@pytest.mark.parametrize(
    "url",
    [
        "/en/shop/dashboard/orders/?date_from=0001-01-01",
        "/en/shop/dashboard/orders/?date_to=9999-12-31",
        "/admin/reports/site-history/?timestamp_from=0001-01-01",
    ],
)
def test_date_filters_of_the_shop_dashboard_and_wagtail_reports_refuse_the_edges(client, home_page, admin_user, url):
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "Please choose dates between 1900-01-01 and 2999-12-31." in response.content.decode()


def dashboard_views_without_arguments():
    """Every list, table, lookup and report of Oscar's dashboard (the views taking no id)."""
    found = []

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route, [*namespaces, pattern.namespace])
            elif "dashboard" in namespaces and "<" not in route and pattern.name not in ("logout", "login"):
                found.append("/" + prefix + route)

    with translation.override("en"):
        walk(get_resolver().url_patterns, "", [])
    return found


@pytest.mark.parametrize(
    "value",
    ["-1", "0", "99999999999999999999", "x" * 300, "[]", '12" mirror'],
    ids=["-1", "0", "huge", "long", "[]", "quote"],
)
def test_oscar_dashboard_pagination_and_lookups_fall_back_to_their_defaults(client, home_page, admin_user, value):
    """django-tables2 read any `per_page` (a negative one answered 500, a huge one overflowed
    SQLite), the ListViews answered a bare 404 to `?page=x`, `?items=` hid request.GET.items
    from Oscar's list templates, and the product lookup passed page, page_limit and initial
    to int(). Bad values now fall back to the defaults: every view answers its first page."""
    category = Category.add_root(name="Hair care")
    products = [create_product(title=f"Argan oil {n}") for n in range(3)]
    for product in products:
        product.categories.add(category)
    client.force_login(admin_user)
    urls = dashboard_views_without_arguments()
    assert "/en/shop/dashboard/catalogue/" in urls and "/en/shop/dashboard/users/" in urls and len(urls) > 30
    urls.append(f"/en/shop/dashboard/catalogue/categories/{category.pk}/")  # a table of subcategories
    hostile = {"page": value, "per_page": value, "items": value, "page_limit": value, "sort": value}
    answers = {url: client.get(url, hostile).status_code for url in urls}
    # The bulk action (nothing chosen) redirects to the product list.
    assert {url: status for url, status in answers.items() if status not in (200, 302)} == {}
    listing = client.get("/en/shop/dashboard/catalogue/", hostile).content.decode()
    assert all(product.title in listing for product in products)  # the first page, default size

    lookup = client.get(
        "/en/shop/dashboard/catalogue/product-lookup/",
        {"page": value, "page_limit": value, "initial": f"{value},{products[0].pk}"},
    )
    assert lookup.status_code == 200
    assert [item["id"] for item in lookup.json()["results"]] == [products[0].pk]


def test_wagtail_and_django_admin_views_found_by_the_walk(client, home_page, admin_user):
    """Each answered 500 in the hostile walk (tests/integration/test_hostile_walk.py)."""
    client.force_login(admin_user)
    # The image chooser filtered a search by tag through the search backend (FilterFieldError).
    assert client.get("/admin/images/chooser/", {"tag": "summer", "q": "mirror"}).status_code == 200
    # Django's admin handed `?start_datetime=…` text to the date widgets of an add form.
    voucher = client.get("/django-admin/voucher/voucher/add/", {"start_datetime": "xx", "end_datetime": "9999-12-31"})
    assert voucher.status_code == 200
    assert 'value="xx"' not in voucher.content.decode()  # left out, not shown back
    # Wagtail's link choosers reversed `?parent_page_id=x`, its login page resolved `?next=word`
    # as a URL name (NoReverseMatch): no such page (a 404, which the locale middleware redirects).
    for url in ("/admin/choose-external-link/?parent_page_id=x", "/admin/login/?next=abc"):
        assert client.get(url).status_code in (302, 404), url


def test_oscar_bulk_actions_ignore_ids_and_statuses_that_are_not_ones(client, home_page, admin_user):
    """Oscar's bulk actions passed posted ids to the ORM and the review status to int() (500s),
    and saved any number as a review's status."""
    product = create_product(title="Argan oil")
    review = ProductReview.objects.create(product=product, title="Nice", body="Smells good", score=5, name="Eva")
    client.force_login(admin_user)
    url = "/en/shop/dashboard/reviews/"
    for ids, status in (([review.pk], "x"), ([review.pk], "99"), (["x", "99999999999999999999"], "1")):
        data = {"action": "update_selected_review_status", "selected_review": ids, "status": status}
        response = client.post(url, data, follow=True)
        assert response.status_code == 200, (ids, status)
        review.refresh_from_db()
        assert review.status == ProductReview.FOR_MODERATION  # unchanged
    # The readable id and a review status: the change applies.
    data = {"action": "update_selected_review_status", "selected_review": ["x", review.pk], "status": "1"}
    assert client.post(url, data).status_code == 302
    review.refresh_from_db()
    assert review.status == ProductReview.APPROVED
    users = client.post("/en/shop/dashboard/users/", {"action": "make_active", "selected_user": ["x"]}, follow=True)
    assert users.status_code == 200


@pytest.mark.parametrize(
    "language, reason",
    [
        ("en", "Bad request: send the sign-in"),
        ("de", "Ungültige Anfrage: Senden Sie das Anmelde"),
        ("uk", "Неправильний запит"),
    ],
)
def test_every_bad_request_says_why_in_the_page_language(client, home_page, language, reason):
    """A JSON post to the sign-in page got a 400 with an empty body; a request Django refuses as suspicious
    (too many form fields) got a bare "Bad Request (400)"."""
    response = client.post(f"/{language}/shop/accounts/login/", '{"username": "a"}', content_type="application/json")
    assert response.status_code == 400
    assert response.content.decode().startswith(reason)
    assert int(response["Content-Length"]) == len(response.content)
    fields = "&".join(f"f{i}=x" for i in range(1200))  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = client.post(f"/{language}/", fields, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    general = {
        "en": "Bad request: this page cannot",
        "de": "Ungültige Anfrage: Diese Seite",
        "uk": "Неправильний запит",
    }
    assert response.content.decode().startswith(general[language])


def test_an_empty_bad_request_from_any_view_gets_the_reason(rf):
    """The kind: whatever view answers an empty 400, the visitor reads why, in the page language."""
    from django.http import HttpResponseBadRequest

    from core.middleware import ExplainBadRequestMiddleware

    response = ExplainBadRequestMiddleware(lambda request: HttpResponseBadRequest())(rf.post("/ru/anything/"))
    assert response.status_code == 400
    assert response.content.decode().startswith("Неверный запрос: эта страница не может обработать")
