import re

from playwright.sync_api import expect


def test_language_switcher_on_a_sub_page(page, demo_server):
    page.goto(f"{demo_server.url}/de/ueber-uns/")
    expect(page.locator("h1")).to_have_text("Über uns")
    page.locator(".language-switcher").get_by_role("link", name="Українська").click()
    page.wait_for_url(f"{demo_server.url}/uk/pro-nas/")
    expect(page.locator("h1")).to_have_text("Про нас")
    expect(page.locator(".main-nav")).to_contain_text("Послуги")


def test_contact_form_shows_a_toast_that_closes_with_the_keyboard(page, demo_server):
    page.goto(f"{demo_server.url}/de/kontakt/")
    page.locator(".contact-form [name=your_name]").fill("Anna")
    page.locator(".contact-form [name=email]").fill("anna@example.com")
    page.locator(".contact-form [name=message]").fill("Habt ihr samstags geöffnet?")
    page.get_by_role("button", name="Nachricht senden").click()
    toast = page.locator(".toast")
    expect(toast).to_contain_text("Vielen Dank! Ihre Nachricht wurde gesendet.")
    expect(page.locator('[aria-live="polite"]')).to_contain_text("Vielen Dank")
    toast.focus()
    page.keyboard.press("Escape")
    expect(toast).to_have_count(0)


def test_dismissed_banner_stays_dismissed(page, demo_server):
    page.goto(f"{demo_server.url}/en/")
    banner = page.locator("[data-banner]").filter(has_text="book your appointment online")
    expect(banner).to_be_visible()
    banner.get_by_role("button", name="Close announcement").click()
    expect(banner).to_be_hidden()
    page.goto(f"{demo_server.url}/en/about/")
    expect(page.locator("[data-banner]").filter(has_text="book your appointment online")).to_be_hidden()


def test_maintenance_page_for_visitors(page, demo_server):
    from wagtail.models import Site

    from core.models import SiteSettings

    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.maintenance_mode = True
    settings_obj.save()
    response = page.goto(f"{demo_server.url}/ru/")
    assert response.status == 503
    expect(page.locator("h1")).to_have_text("Скоро вернёмся")
    expect(page.locator("html")).to_have_attribute("lang", "ru")


# Wagtail's editor autosaves against the server's time from the browser's own clock:
# with the server on the frozen test clock the two disagree, so this test uses the real one.
def test_editor_publishes_a_banner_translates_it_and_sees_it_in_german(wall_clock, page, demo_server):
    url = demo_server.url
    try:
        _editor_flow(page, url)
    except Exception:
        page.screenshot(path="test-results/banner-editor-failure.png", full_page=True)
        raise


def _editor_flow(page, url):
    page.goto(f"{url}/admin/login/")
    page.get_by_label(re.compile("Email|Username", re.I)).fill("admin@example.com")
    page.get_by_label("Password").fill("demo-admin-2026")
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(f"{url}/admin/")

    page.goto(f"{url}/admin/snippets/core/banner/add/")
    page.locator("#id_title").fill("Spring sale")
    page.wait_for_load_state("networkidle")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.wait_for_timeout(300)  # Draftail focuses asynchronously
    page.keyboard.type("Spring sale: 20% off all care products", delay=15)
    expect(editor).to_contain_text("Spring sale: 20% off")
    expect(page.locator("input[name=message]")).to_have_value(re.compile("Spring sale"))
    page.locator("#id_priority").fill("50")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(f"{url}/en/")
    expect(page.locator("[data-banner]").filter(has_text="Spring sale: 20% off")).to_be_visible()

    # Translate it into German with wagtail-localize.
    from core.models import Banner

    banner = Banner.objects.get(title="Spring sale")
    page.goto(f"{url}/admin/localize/submit/snippet/core/banner/{banner.pk}/")
    page.get_by_label("Deutsch").check()
    page.get_by_role("button", name=re.compile("Submit", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/snippets/core/banner/edit/\d+/"))
    segment = page.locator("li").filter(has_text="Spring sale: 20% off all care products").first
    segment.get_by_role("button", name=re.compile("Translate", re.I)).click()
    page.locator("textarea").first.fill("Frühlingsaktion: 20 % auf alle Pflegeprodukte")
    page.get_by_role("button", name=re.compile("^Save$", re.I)).first.click()
    expect(page.get_by_text("Frühlingsaktion: 20 % auf alle Pflegeprodukte")).to_be_visible()
    page.get_by_role("button", name=re.compile("Publish", re.I)).first.click()
    page.wait_for_load_state("networkidle")

    page.goto(f"{url}/de/")
    expect(
        page.locator("[data-banner]").filter(has_text="Frühlingsaktion: 20 % auf alle Pflegeprodukte")
    ).to_be_visible()
