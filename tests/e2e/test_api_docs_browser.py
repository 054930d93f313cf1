"""The API's interactive docs (/api/v1/docs) render in a browser offline and under the strict CSP:
Swagger UI comes from our own static files, no request leaves the site, no CSP violation."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.e2e.test_ops_csp_browser import violations, watch


def test_swagger_ui_renders_from_our_origin_without_csp_violations(page, demo_server):
    messages = watch(page)
    foreign = []
    origin = urlsplit(demo_server.url).netloc
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in (origin, "") else None)
    response = page.goto(f"{demo_server.url}/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Studio booking API")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/bookings").first).to_be_visible()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    assert violations(page, messages) == []
    assert foreign == []
