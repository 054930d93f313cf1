"""SEO meta tags on every rendered demo page, in every language: never empty, never wrong."""

import re
from html import unescape

from django.core.cache import cache
from wagtail.models import Page

from pages.demo import demo_languages
from shop.models import ProductPage


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return [unescape(value) for value in found]


def test_every_demo_page_has_complete_meta_tags(client, demo_site):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    seen_types = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        seen_types.add(type(page).__name__)
        assert not re.search(r'<meta [^>]*content=""', html), (page.url, "a meta tag without a value")
        assert "@" not in meta(html, "name", "twitter:site"), page.url
        (description,) = meta(html, "name", "description")
        assert description.strip(), page.url
        assert meta(html, "property", "og:description") == [description], page.url
        (og_image,) = meta(html, "property", "og:image")
        assert og_image.startswith("http://") or og_image.startswith("https://"), (page.url, og_image)
        if isinstance(page, ProductPage):
            photo = page.product.primary_image().original.url
            assert og_image.endswith(photo), (page.url, og_image)
    assert {"HomePage", "StandardPage", "LegalPage", "ContactPage", "ShopPage", "ProductPage"} <= seen_types
    assert {"VenuePage", "BookingPage"} <= seen_types


def test_twitter_site_is_left_out_without_a_handle_and_shown_with_one(client, demo_site):
    from wagtail.models import Site
    from wagtailseo.models import SeoSettings

    seo = SeoSettings.for_site(Site.objects.get(is_default_site=True))
    seo.twitter_site = ""
    seo.save()
    assert 'name="twitter:site"' not in client.get("/de/").content.decode()
    seo.twitter_site = "studioaurora"
    seo.save()
    cache.clear()
    assert meta(client.get("/de/").content.decode(), "name", "twitter:site") == ["@studioaurora"]


def test_translated_product_pages_have_translated_latin_slugs(client, demo_site):
    for code in demo_languages():
        for page in ProductPage.objects.live().filter(locale__language_code=code, alias_of__isnull=True):
            english = page.get_translation(page.locale.get_default())
            assert page.slug != english.slug, (code, page.slug)
            assert re.fullmatch(r"[a-z0-9-]+", page.slug), (code, page.slug)
            assert client.get(page.url).status_code == 200
    assert ProductPage.objects.filter(locale__language_code="uk", alias_of__isnull=True).exists()


def test_og_image_falls_back_when_the_chosen_image_is_gone(client, demo_site):
    """Media lost (a restore without the media volume) or the image deleted: the page
    still renders, with the generated picture as og:image."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection

    from pages.models import StandardPage

    Collection.get_first_root_node() or Collection.add_root(name="Root")
    image = get_image_model().objects.create(title="Salon", file=get_test_image_file())
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.og_image = image
    about.save_revision().publish()
    (chosen,) = meta(client.get(about.url).content.decode(), "property", "og:image")
    assert "/media/" in chosen

    image.file.storage.delete(image.file.name)
    image.renditions.all().delete()
    cache.clear()
    response = client.get(about.url)
    assert response.status_code == 200
    (fallback,) = meta(response.content.decode(), "property", "og:image")
    assert fallback.startswith("http://testserver/og/"), fallback

    image.delete()
    cache.clear()
    response = client.get(about.url)
    assert response.status_code == 200
    (fallback,) = meta(response.content.decode(), "property", "og:image")
    assert fallback.startswith("http://testserver/og/"), fallback
