from playwright.sync_api import expect

from pages.demo import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def watch(page):
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: messages.append(f"page error: {e}"))
    page.add_init_script(RECORD_VIOLATIONS)
    return messages


def violations(page, messages):
    return messages + page.evaluate("window.__cspViolations")


def test_public_pages_shop_and_admin_run_without_csp_violations(page, demo_server):
    messages = watch(page)
    response = page.goto(f"{demo_server.url}/en/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_role("button", name="Feedback").click()  # Alpine (CSP build) works
    expect(page.locator("#ops-feedback-panel")).to_be_visible()
    assert violations(page, messages) == []

    page.goto(f"{demo_server.url}/de/shop/basket/")  # Oscar's pages in the site's layout (no jQuery/Bootstrap)
    expect(page.get_by_role("heading", name="Warenkorb")).to_be_visible()
    assert violations(page, messages) == []

    page.goto(f"{demo_server.url}/admin/login/")
    page.fill("input[name=username]", DEMO_ADMIN_EMAIL)
    page.fill("input[name=password]", DEMO_ADMIN_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{demo_server.url}/admin/")
    expect(page.locator('[id^="ops-backups"]').first).to_be_visible()
    assert violations(page, messages) == []
