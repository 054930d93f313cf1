from playwright.sync_api import expect

from pages.demo import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD
from pages.models import HomePage


def test_feedback_sent_on_ukrainian_home_reaches_the_admin_inbox(page, demo_server, settings):
    settings.OPS_FEEDBACK_MIN_SECONDS = 1
    message = "Не можу знайти години роботи <b>у неділю</b>"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_server.url}/uk/")
    panel = page.locator("#ops-feedback-panel")
    expect(panel).to_be_hidden()
    page.get_by_role("button", name="Відгук").click()
    expect(panel).to_be_visible()
    expect(page.get_by_label("Ваше повідомлення")).to_be_focused()
    # Sending at once is refused as too fast (a bot would do that).
    page.get_by_label("Ваше повідомлення").fill(message)
    page.get_by_role("button", name="Надіслати відгук").click()
    expect(panel.get_by_role("alert").first).to_contain_text("дуже швидко")
    page.wait_for_timeout(1100)
    page.get_by_label("Ваше повідомлення").fill(message)
    panel.locator("label", has_text="4").click()
    page.get_by_role("button", name="Надіслати відгук").click()
    expect(panel.locator("[data-feedback-thanks]")).to_have_text("Дякуємо! Ваш відгук надіслано.")

    page.goto(f"{demo_server.url}/admin/login/")
    page.fill("input[name=username]", DEMO_ADMIN_EMAIL)
    page.fill("input[name=password]", DEMO_ADMIN_PASSWORD)
    page.locator("button[type=submit]").click()
    page.goto(f"{demo_server.url}/admin/feedback/")
    row = page.locator("tr", has_text="Не можу знайти години роботи")
    expect(row).to_be_visible()
    expect(row).to_contain_text("<b>у неділю</b>")  # shown as text, not markup
    expect(row).to_contain_text("uk")
    uk_home = HomePage.objects.get(locale__language_code="uk")
    expect(row.get_by_role("link", name="Edit page")).to_have_attribute("href", f"/admin/pages/{uk_home.pk}/edit/")
    row.get_by_role("link", name="Не можу знайти").click()
    expect(page.locator("main")).to_contain_text("390x844")
    expect(page.locator("main")).to_contain_text("/uk/")
