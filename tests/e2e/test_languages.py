from playwright.sync_api import expect


def test_german_home_and_switch_to_ukrainian(page, demo_server):
    page.goto(f"{demo_server.url}/de/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_text("Studio Aurora — Haare, Farbe und Pflege in Berlin")
    expect(page.get_by_text("Was wir machen")).to_be_visible()

    page.locator(".language-switcher").get_by_role("link", name="Українська").click()

    page.wait_for_url(f"{demo_server.url}/uk/")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.locator("h1")).to_have_text("Studio Aurora — стрижки, фарбування та догляд у Берліні")
    expect(page.get_by_text("Що ми робимо")).to_be_visible()
    # The current language is marked, not linked.
    expect(page.locator('.language-switcher [aria-current="true"]')).to_have_text("Українська")


def test_visitor_without_prefix_lands_in_their_language(browser, demo_server):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(f"{demo_server.url}/")
    page.wait_for_url(f"{demo_server.url}/de/")
    expect(page.locator("h1")).to_contain_text("Haare, Farbe und Pflege")
    context.close()


def test_basket_in_russian_keeps_the_site_layout(page, demo_server):
    page.goto(f"{demo_server.url}/ru/shop/basket/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_text("Ваша корзина пуста")).to_be_visible()
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("footer.site-footer")).to_be_visible()
