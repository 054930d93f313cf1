"""Demo content: the loaders that `manage.py load_demo` runs in order.

`pages` never imports `shop` or `booking`: every app returns its loaders from the
`register_demo_loaders` Wagtail hook (core/hooks.py) in its `wagtail_hooks.py`.
Every loader must be idempotent: running it twice changes nothing.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from wagtail import hooks
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.hooks import REGISTER_DEMO_LOADERS
from core.models import Banner

from .demo_content import site as content
from .demo_content.home import HOME
from .models import ContactFormField, ContactPage, HomePage, LegalPage, Menu, MenuItem, StandardPage

DEMO_ADMIN_EMAIL = "admin@example.com"
DEMO_ADMIN_PASSWORD = "demo-admin-2026"
# The languages the demo content is translated into (its source is English). The demo translates into those of
# them that are configured (settings.LANGUAGES); a configured language the demo does not ship (README: "Adding
# a language") gets no demo translations, so its editors start from the English pages.
DEMO_TRANSLATIONS = ("de", "ru", "uk")


def demo_languages():
    configured = {code for code, _name in settings.LANGUAGES}
    return [code for code in DEMO_TRANSLATIONS if code in configured]


@dataclass
class DemoContext:
    admin: object
    log: Callable[[str], None]
    extra: dict = field(default_factory=dict)  # loaders may share what they built


@dataclass(frozen=True)
class DemoLoader:
    order: int  # lower runs first
    name: str
    load: Callable[[DemoContext], None]


def loaders():
    """Every app's loaders (the `register_demo_loaders` hook), in order."""
    found = [loader for fn in hooks.get_hooks(REGISTER_DEMO_LOADERS) for loader in fn()]
    return sorted(found, key=lambda loader: loader.order)


def ensure_admin(log):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL,
        # The demo address is example.com (no mailbox): marked confirmed so the demo works as documented.
        defaults={
            "first_name": "Demo",
            "last_name": "Admin",
            "is_staff": True,
            "is_superuser": True,
            "verified_email": DEMO_ADMIN_EMAIL,
        },
    )
    if created:
        # Production (prod settings) never gets the password printed in the README.
        random = settings.DEMO_ADMIN_RANDOM_PASSWORD
        user.demo_password = secrets.token_urlsafe(12) if random else DEMO_ADMIN_PASSWORD
        user.set_password(user.demo_password)
        user.save()
        log(f"Created admin user {DEMO_ADMIN_EMAIL}")
    return user


def translate_with_localize(instance, language_code, strings, user):
    """Translate `instance` into `language_code` through wagtail-localize, the way a
    translator would in the admin: the strings land in wagtail-localize's editor
    (so they can be edited, exported and re-imported as PO) and the target is published.

    `strings` maps source text to translated text; anything missing falls back to
    the source text. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    # update_: re-reads the source, so running it again after an edit picks up new strings.
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    if isinstance(instance, DraftStateMixin):
        # Publish right away rather than through wagtail-localize's on_commit hook:
        # a deferred publish restores tree fields (numchild) from a stale copy when
        # more pages are added under the translation in the same transaction.
        translation.save_target(user=user, publish=False)
        target = instance.get_translation(locale)
        target.get_latest_revision().publish(user=user)
        return type(instance).objects.get(pk=target.pk)
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)


def home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def load_home(ctx: DemoContext):
    home = home_page()
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrations first.")
    english = HOME["en"]
    if home.title != english["title"]:
        home.title = english["title"]
        home.draft_title = english["title"]
        home.intro = english["intro"]
        home.body = english["body"]
        home.seo_title = english["seo_title"]
        home.search_description = english["search_description"]
        home.save_revision(user=ctx.admin).publish(user=ctx.admin)
        ctx.log("Wrote the English home page")
    site = Site.objects.get(is_default_site=True)
    # Absolute links (canonical, og:image, sitemap) use the Site's host: the demo's.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    wanted = (english["site_name"], base.hostname or "localhost", base.port or 80)
    if (site.site_name, site.hostname, site.port) != wanted:
        site.site_name, site.hostname, site.port = wanted
        site.save()

    for code in demo_languages():
        if Page.objects.filter(translation_key=home.translation_key, locale__language_code=code).exists():
            continue
        strings = HOME[code]["strings"]
        translate_with_localize(home, code, strings, ctx.admin)
        ctx.log(f"Translated the home page into {code}")


def translate_missing(instance, ctx, strings_by_language, what):
    """Translate `instance` into every language it is not yet translated into (idempotent)."""
    for code in demo_languages():
        exists = (
            type(instance).objects.filter(translation_key=instance.translation_key, locale__language_code=code).exists()
        )
        if not exists:
            translate_with_localize(instance, code, strings_by_language[code], ctx.admin)
            ctx.log(f"Translated {what} into {code}")


def _publish(page, user):
    page.save_revision(user=user).publish(user=user)


def load_site_pages(ctx: DemoContext):
    home = home_page()
    created = {}
    for spec in (content.ABOUT, content.SERVICES, content.TEAM):
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=spec["body"])
            )
            _publish(page, ctx.admin)
            ctx.log(f"Created page {spec['title']}")
        created[spec["slug"]] = page

    contact = ContactPage.objects.child_of(home).filter(slug=content.CONTACT["slug"]).first()
    if contact is None:
        spec = content.CONTACT
        contact = ContactPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            address=spec["address"],
            phone=spec["phone"],
            map_url=spec["map_url"],
            thank_you_text=spec["thank_you_text"],
            to_address="owner@example.com",
            from_address="website@example.com",
            subject="Website contact form",
        )
        for order, (label, field_type, required) in enumerate(spec["fields"]):
            contact.form_fields.add(
                ContactFormField(label=label, field_type=field_type, required=required, sort_order=order)
            )
        home.add_child(instance=contact)
        _publish(contact, ctx.admin)
        ctx.log("Created the contact page")
    created["contact"] = contact

    for spec, key in ((content.IMPRINT, "imprint"), (content.PRIVACY, "privacy")):
        page = LegalPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(instance=LegalPage(title=spec["title"], slug=spec["slug"], body=spec["body"]))
            _publish(page, ctx.admin)
            ctx.log(f"Created page {spec['title']}")
        created[key] = page

    for key, page in created.items():
        translate_missing(page, ctx, content.TRANSLATIONS, f"page {key}")
    ctx.extra["site_pages"] = created


def load_menus(ctx: DemoContext):
    pages = ctx.extra["site_pages"]
    english = Locale.objects.get(language_code="en")
    layout = {
        "header": ["about", "services", "team", "contact"],
        "footer": ["contact", "imprint", "privacy"],
    }
    for location, keys in layout.items():
        menu = Menu.objects.filter(location=location, locale=english).first()
        if menu is None:
            menu = Menu(location=location, locale=english)
            for order, key in enumerate(keys):
                menu.items.add(
                    MenuItem(label=content.MENU_LABELS[key], link_page=pages[key], sort_order=order, locale=english)
                )
            menu.save()
            ctx.log(f"Created the {location} menu")
        translate_missing(menu, ctx, content.TRANSLATIONS, f"the {location} menu")


def load_banners(ctx: DemoContext):

    english = Locale.objects.get(language_code="en")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for spec in content.BANNERS:
        banner = Banner.objects.filter(title=spec["title"], locale=english).first()
        if banner is None:
            banner = Banner(
                title=spec["title"],
                message=spec["message"],
                severity=spec["severity"],
                priority=spec["priority"],
                starts_at=now + timedelta(days=spec["starts_in_days"]) if spec["starts_in_days"] else None,
                ends_at=now + timedelta(days=spec["ends_in_days"]) if spec["ends_in_days"] else None,
                locale=english,
            )
            banner.save()
            banner.save_revision(user=ctx.admin).publish(user=ctx.admin)
            ctx.log(f"Created the banner “{spec['title']}”")
        translate_missing(banner, ctx, content.TRANSLATIONS, f"the banner “{spec['title']}”")


def add_menu_link(ctx: DemoContext, location, page, labels):
    """Append a link to `page` to a menu and its translations (idempotent).
    `labels` maps language code to the link text. Used by the shop and booking loaders."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    menu = Menu.objects.filter(location=location, locale=english).first()
    if menu is None or menu.items.filter(link_page=page).exists():
        return
    order = (menu.items.aggregate(last=Max("sort_order"))["last"] or 0) + 1
    menu.items.add(MenuItem(label=labels["en"], link_page=page, sort_order=order, locale=english))
    menu.save()
    for code in demo_languages():
        if Menu.objects.filter(translation_key=menu.translation_key, locale__language_code=code).exists():
            translate_with_localize(menu, code, {labels["en"]: labels[code]}, ctx.admin)
    ctx.log(f"Linked {page.title} from the {location} menu")


LOADERS = [
    DemoLoader(0, "home page", load_home),
    DemoLoader(10, "site pages", load_site_pages),
    DemoLoader(15, "menus", load_menus),
    DemoLoader(16, "banners", load_banners),
]
