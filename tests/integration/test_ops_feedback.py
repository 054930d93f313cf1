import time

from django.core import mail, signing

from ops.feedback import TIMESTAMP_SALT
from ops.models import Feedback

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def post(client, lang="en", htmx=True, **fields):
    data = {"message": "The opening hours are hard to find.", "page_url": f"/{lang}/", "started": started()}
    data.update(fields)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(f"/{lang}/ops/feedback/", data, **headers)


def test_every_public_page_has_the_widget(client, home_page):
    html = client.get("/en/").content.decode()
    assert "data-ops-feedback" in html and 'action="/en/ops/feedback/"' in html
    assert f'name="page_id" value="{home_page.pk}"' in html
    assert "js/ops-feedback.js" in html


def test_feedback_is_stored_with_context_and_editors_are_emailed(client, home_page, admin_user, run_tasks):
    response = post(client, "uk", rating="4", email="visitor@example.com", viewport="390x844", page_id=home_page.pk)
    assert response.status_code == 200
    assert "data-feedback-thanks" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.locale, feedback.rating, feedback.viewport, feedback.page_url) == ("uk", 4, "390x844", "/uk/")
    assert feedback.page_id == home_page.pk and feedback.status == "new"
    run_tasks()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["boss@example.com"] and email.reply_to == ["visitor@example.com"]
    assert "The opening hours are hard to find." in email.body
    assert f"/admin/feedback/inspect/{feedback.pk}/" in email.body


def test_the_reply_is_in_the_visitors_language(client, home_page):
    response = post(client, lang="de")
    assert "Vielen Dank" in response.content.decode()


def test_form_errors_come_back_in_the_form(client, home_page):
    response = post(client, message="")
    assert response.status_code == 200
    assert "Please write a message." in response.content.decode()
    response = post(client, email="not-an-email")
    assert "Enter a valid email address." in response.content.decode()
    assert Feedback.objects.count() == 0


def test_honeypot_pretends_success_but_stores_nothing(client, home_page):
    response = post(client, website="http://spam.example")
    assert "data-feedback-thanks" in response.content.decode()
    assert Feedback.objects.count() == 0


def test_too_fast_or_forged_timestamps_are_refused(client, home_page):
    assert "very quick" in post(client, started=started(seconds_ago=0)).content.decode()
    assert "very quick" in post(client, started="12345").content.decode()
    assert "very quick" in post(client, started="").content.decode()
    assert Feedback.objects.count() == 0


def test_rate_limited_with_a_localized_429(client, home_page):
    for _ in range(5):
        assert post(client).status_code == 200
    response = post(client, lang="de")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert response.content  # core.ratelimit's localized message, shown in the form by ops-feedback.js
    assert Feedback.objects.count() == 5


def test_without_javascript_it_redirects_back_with_a_message(client, home_page):
    response = post(client, htmx=False, page_url="/en/?x=1")
    assert response.status_code == 302 and response["Location"] == "/en/?x=1"
    response = post(client, htmx=False, page_url="https://evil.example/")
    assert response["Location"] == "/en/"  # never an open redirect


def test_inbox_lists_filters_and_escapes(client, home_page, admin_user):
    post(client, message=XSS, page_id=home_page.pk)
    Feedback.objects.create(message="Resolved already", status="resolved", locale="de")
    client.force_login(admin_user)
    listing = client.get("/admin/feedback/").content.decode()
    assert "<script>alert" not in listing and "&lt;script&gt;" in listing
    assert f"/admin/pages/{home_page.pk}/edit/" in listing
    assert "/admin/feedback/new/" not in listing
    filtered = client.get("/admin/feedback/", {"status": "resolved"}).content.decode()
    assert "Resolved already" in filtered and "&lt;script&gt;" not in filtered
    feedback = Feedback.objects.get(status="new")
    inspect = client.get(f"/admin/feedback/inspect/{feedback.pk}/").content.decode()
    assert "<script>alert" not in inspect and "onerror=alert(1)&gt;" in inspect
    assert client.get("/admin/feedback/new/").status_code in (302, 403)


def test_editing_marks_read_then_resolved(client, home_page, admin_user):
    feedback = Feedback.objects.create(message="Typo on the home page")
    client.force_login(admin_user)
    assert client.get(f"/admin/feedback/edit/{feedback.pk}/").status_code == 200
    feedback.refresh_from_db()
    assert feedback.status == "read"
    response = client.post(f"/admin/feedback/edit/{feedback.pk}/", {"status": "resolved"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "resolved"
