"""Keep the page tree in step with Oscar's catalogue, so nobody copies data by hand.

- A product created (e.g. in Oscar's dashboard) gets a draft ProductPage under the
  default language's ShopPage.
- A published default-language ProductPage gets an alias in every other language
  whose ShopPage exists, so an untranslated product still appears there (with the
  default-language text). Translating it with wagtail-localize turns the alias into
  a real translation.

(What happens when an order changes status is the order event handler's: shop/processing.py.)
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import slugify
from oscar.core.loading import get_model
from wagtail.models import Page
from wagtail.signals import page_published

from .models import ProductPage, ShopPage

Product = get_model("catalogue", "Product")


def unique_slug(parent, title):
    base = slugify(title)[:60] or "product"
    if base == "shop":
        base = "shop-product"
    slug, n = base, 1
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def ensure_product_page(product, user=None):
    """The default-language ProductPage of `product`, created as a draft when missing.
    Returns None when there is no default-language ShopPage yet."""
    existing = ProductPage.objects.filter(product=product, locale__language_code=settings.LANGUAGE_CODE).first()
    if existing is not None:
        return existing
    shop = ShopPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if shop is None or product.is_child:
        return None
    page = ProductPage(
        title=product.get_title() or product.upc or "Product",
        slug=unique_slug(shop, product.get_title() or product.upc or ""),
        product=product,
        summary=product.description[:1000] if product.description else "",
        live=False,
    )
    shop.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def ensure_aliases(page):
    """Alias a default-language ProductPage into every language that has a ShopPage and no copy yet."""
    if page.locale.language_code != settings.LANGUAGE_CODE or page.alias_of_id:
        return []
    parent = page.get_parent()
    existing = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    created = []
    for shop in ShopPage.objects.filter(translation_key=parent.translation_key).exclude(locale_id__in=existing):
        created.append(page.copy_for_translation(shop.locale, copy_parents=False, alias=True))
    return created


@receiver(post_save, sender=Product)
def product_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_product_page(instance)


@receiver(page_published)
def product_page_published(sender, instance, **kwargs):
    if isinstance(instance, ProductPage):
        ensure_aliases(instance)
    elif isinstance(instance, ShopPage) and instance.locale.language_code != settings.LANGUAGE_CODE:
        # A new language's shop: bring in the products published so far, once the
        # publishing transaction is done (the translated page is saved again after
        # this signal; adding children now would leave its child count stale).
        transaction.on_commit(lambda: alias_published_products(instance.translation_key))


def alias_published_products(shop_translation_key):
    source = ShopPage.objects.filter(
        translation_key=shop_translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if source is not None:
        for product_page in ProductPage.objects.child_of(source).live():
            ensure_aliases(product_page)
