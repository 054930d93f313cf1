"""Demo content: a registry of loaders that `manage.py load_demo` runs in order.

`pages` never imports `shop` or `booking`; those apps register their own loaders
in their `demo.py`, which the command discovers with `autodiscover_modules`.
Every loader must be idempotent: running it twice changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .models import HomePage

DEMO_ADMIN_EMAIL = "admin@example.com"
DEMO_ADMIN_PASSWORD = "demo-admin-2026"


@dataclass
class DemoContext:
    admin: object
    log: Callable[[str], None]


_LOADERS: list[tuple[int, str, Callable[[DemoContext], None]]] = []


def register(order: int, name: str):
    """Register a demo loader; lower `order` runs first."""

    def decorator(func):
        if name not in {n for _, n, _ in _LOADERS}:
            _LOADERS.append((order, name, func))
        return func

    return decorator


def loaders():
    return sorted(_LOADERS, key=lambda item: item[0])


def ensure_admin(log):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL,
        defaults={"first_name": "Demo", "last_name": "Admin", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(DEMO_ADMIN_PASSWORD)
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
    source, _ = TranslationSource.get_or_create_from_instance(instance)
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
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)


def home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


@register(0, "home page")
def load_home(ctx: DemoContext):
    from .demo_content.home import HOME

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
    if site.site_name != english["site_name"]:
        site.site_name = english["site_name"]
        site.save()

    for code in ("de", "ru", "uk"):
        if Page.objects.filter(translation_key=home.translation_key, locale__language_code=code).exists():
            continue
        strings = HOME[code]["strings"]
        translate_with_localize(home, code, strings, ctx.admin)
        ctx.log(f"Translated the home page into {code}")
