"""The storefront in the page tree, plus the small records the payment flow keeps.

One Oscar product (one price, one stock) is shown by one ProductPage per language:
the product link is a SynchronizedField, so every translation points at the same
product. An untranslated product is an alias of the default-language page in each
other language (see shop/signals.py), so it still appears everywhere.
"""

from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailseo.models import SeoMixin

from pages.blocks import BodyBlock
from pages.seo import SeoPageMixin

from . import listing
from .prices import displayed_price

PRODUCTS_PER_PAGE = 12
BANNER_AREA = "shop"  # the storefront, products and Oscar's views (shop/wagtail_hooks.py)


class ShopPage(RoutablePageMixin, SeoPageMixin, SeoMixin, Page):
    """The storefront: the current language's products with filter, sort, search and pages."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["shop.ProductPage"]
    banner_area = BANNER_AREA
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("shop page")

    def clean(self):
        super().clean()
        # Oscar owns /<lang>/shop/ (basket, checkout, account).
        if self.slug == "shop":
            raise ValidationError({"slug": _("The address “shop” is reserved for the basket and checkout.")})

    def product_pages(self):
        """Live product pages of this page's language, with everything a listing card needs."""
        ProductImage = get_model("catalogue", "ProductImage")
        return (
            ProductPage.objects.child_of(self)
            .live()
            .public()  # a product page an editor made private is not listed or searchable either
            .select_related("product__product_class")
            .prefetch_related(
                "product__stockrecords",
                Prefetch("product__images", queryset=ProductImage.objects.order_by("display_order")),
            )
        )

    @path("")
    def listing_view(self, request):
        Category = get_model("catalogue", "Category")
        params = listing.ListingParams.from_query(request.GET)
        pages = self.product_pages()
        categories = list(Category.objects.filter(depth=1).order_by("path"))
        category = next((c for c in categories if c.slug == params.category), None)
        if category is not None:
            pages = pages.filter(product__categories__path__startswith=category.path).distinct()
        cards = [listing.card_for(page, request.strategy) for page in pages]
        if params.query:
            cards = [c for c in cards if listing.matches(params.query, c.title, c.page.summary, c.page.product.upc)]
        cards = listing.sort_cards(cards, params.sort)
        paginator = Paginator(cards, PRODUCTS_PER_PAGE)
        try:
            page_obj = paginator.page(params.page)
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(paginator.num_pages)
        return self.render(
            request,
            context_overrides={
                "params": params,
                "categories": categories,
                "current_category": category,
                "products": page_obj,
                "sort_choices": listing.SORT_CHOICES,
                "querystring_base": params.querystring(exclude=("page",)),
            },
        )


class ProductPage(SeoPageMixin, SeoMixin, Page):
    """Marketing content for one Oscar product; price, stock and options come from Oscar."""

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="product_pages",
        verbose_name=_("product"),
    )
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = StreamField(BodyBlock(), blank=True, use_json_field=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("product"), FieldPanel("summary"), FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["shop.ShopPage"]
    subpage_types = []
    banner_area = BANNER_AREA

    # The product is the same in every language: translators never see it.
    override_translatable_fields = [SynchronizedField("product"), TranslatableField("summary")]

    class Meta:
        verbose_name = _("product page")

    @cached_property
    def product_images(self):
        """The product's photos, loaded once for the page, its og:image and its JSON-LD."""
        return list(self.product.get_all_images())

    def seo_description_fallbacks(self):
        return [self.summary, *super().seo_description_fallbacks(), self.product.description]

    def seo_fallback_image_url(self):
        image = next((image for image in self.product_images if image.original), None)
        return image.original.url if image else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        product = self.product
        context["product"] = product
        context["purchase_info"] = request.strategy.fetch_for_product(product)
        context["price"] = displayed_price(context["purchase_info"])
        context["images"] = self.product_images
        context["shop_page"] = self.get_parent().specific
        return context


class OrderLanguage(models.Model):
    """The language a customer used for an order: their emails are sent in it."""

    order_number = models.CharField(max_length=128, unique=True)
    language = models.CharField(max_length=10)

    def __str__(self):
        return f"{self.order_number}: {self.language}"


class StripeEvent(models.Model):
    """A webhook event that has been handled: each event id is processed once."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.event_id} ({self.type})"


def shop_page_for(locale):
    """The live ShopPage of `locale` (or of the default locale), or None."""
    page = ShopPage.objects.live().filter(locale=locale).first()
    return page or ShopPage.objects.live().filter(locale__language_code=_default_language()).first()


def product_page_for(product, locale):
    pages = ProductPage.objects.live().filter(product=product)
    page = pages.filter(locale=locale).first()
    return page or pages.filter(locale__language_code=_default_language()).first() or pages.first()


def _default_language():
    return settings.LANGUAGE_CODE


def redirect_to_page(page, request, query=""):
    url = page.get_url(request) if page else "/"
    return redirect(url + (f"?{query}" if query else ""))
