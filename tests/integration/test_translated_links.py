"""Links an editor chose (blocks, menus) render the visitor's language version of the page."""

import re

from django.core.cache import cache
from wagtail.models import Locale

from pages.demo import DEMO_ADMIN_EMAIL, demo_languages, translate_with_localize
from pages.models import ContactPage, StandardPage


def main_of(html):
    return re.search(r'<main id="main".*?</main>', html, re.S).group(0)


def test_call_to_action_and_cards_link_to_the_translated_pages(client, demo_site, django_user_model):
    editor = django_user_model.objects.get(email=DEMO_ADMIN_EMAIL)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    services = StandardPage.objects.get(slug="services", locale__language_code="en")
    team = StandardPage.objects.get(slug="team", locale__language_code="en")
    contact = ContactPage.objects.get(locale__language_code="en")
    # An editor adds a call to action and cards to the English page, then syncs the translations.
    about.body = list(about.body.raw_data) + [
        {
            "type": "call_to_action",
            "value": {
                "title": "See what we do",
                "text": "Cuts, colour and care.",
                "button_label": "Our services",
                "button_page": services.pk,
                "button_url": "",
            },
        },
        {
            "type": "cards",
            "value": {
                "title": "Meet us",
                "cards": [
                    {
                        "type": "item",
                        "id": "c1",
                        "value": {"image": None, "title": "The team", "text": "", "link_page": team.pk},
                    },
                    {
                        "type": "item",
                        "id": "c2",
                        "value": {"image": None, "title": "Write to us", "text": "", "link_page": contact.pk},
                    },
                ],
            },
        },
    ]
    about.save_revision(user=editor).publish(user=editor)
    for code in demo_languages():
        translate_with_localize(about, code, {}, editor)

    english_main = main_of(client.get(about.url).content.decode())
    assert f'href="{services.url}"' in english_main
    for code in demo_languages():
        locale = Locale.objects.get(language_code=code)
        response = client.get(about.get_translation(locale).url)
        assert response.status_code == 200
        main = main_of(response.content.decode())
        for target in (services, team, contact):
            assert f'href="{target.get_translation(locale).url}"' in main, (code, target.slug)
        assert 'href="/en/' not in main, code


def test_a_chosen_page_that_is_not_live_in_any_language_is_not_linked(client, demo_site, django_user_model):
    """A button or card whose page has no German copy links to the English page; one whose
    German copy is a draft links to the English page too; once the page is unpublished the
    button is left out and the card is no longer a link (never a link to a 404 or to a draft)."""
    from wagtail_localize.models import Translation, TranslationSource

    editor = django_user_model.objects.get(email=DEMO_ADMIN_EMAIL)
    german = Locale.objects.get(language_code="de")
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    pricing = about.get_parent().add_child(instance=StandardPage(title="Pricing", slug="pricing", intro="Prices"))
    pricing.save_revision(user=editor).publish(user=editor)
    about.body = list(about.body.raw_data) + [
        {
            "type": "call_to_action",
            "value": {
                "title": "Go",
                "text": "",
                "button_label": "See prices",
                "button_page": pricing.pk,
                "button_url": "",
            },
        },
        {
            "type": "cards",
            "value": {
                "title": "",
                "cards": [
                    {
                        "type": "item",
                        "id": "p1",
                        "value": {"image": None, "title": "Price list", "text": "", "link_page": pricing.pk},
                    }
                ],
            },
        },
    ]
    about.save_revision(user=editor).publish(user=editor)
    german_about = translate_with_localize(about, "de", {}, editor)

    def links(url):
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, url
        main = main_of(response.content.decode())
        return [m for m in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>\s*(?:See prices|Price list)', main)]

    assert links(german_about.url) == ["/en/pricing/", "/en/pricing/"]  # no German copy yet
    source, _ = TranslationSource.get_or_create_from_instance(pricing)
    Translation.objects.create(source=source, target_locale=german, enabled=True).save_target(
        user=editor, publish=False
    )
    assert not pricing.get_translation(german).live
    assert links(german_about.url) == ["/en/pricing/", "/en/pricing/"]  # the German copy is a draft

    pricing.unpublish()
    assert links(german_about.url) == []
    assert links(about.url) == []
    html = main_of(client.get(about.url).content.decode())
    assert "Price list" in html  # the card stays, without a dead link
