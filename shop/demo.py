"""Demo shop: ten salon products with generated images, categories, options and stock,
a ShopPage and ProductPages in four languages (translated through wagtail-localize)."""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils.translation import gettext_noop
from oscar.core.loading import get_model
from PIL import Image, ImageDraw
from wagtail.models import Locale, Page

from pages.demo import DemoContext, DemoLoader, add_menu_link, demo_languages, home_page, translate_with_localize
from pages.seo import transliterated_slug

from .demo_content import PRODUCT_TEXT, SHOP, SHOP_STRINGS
from .models import ProductPage, ShopPage
from .signals import ensure_product_page

AttributeOption = get_model("catalogue", "AttributeOption")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
Category = get_model("catalogue", "Category")
Option = get_model("catalogue", "Option")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

# Category and option names are shown through {% translate %}: keep them in the catalogues.
CATEGORY_NAMES = [
    gettext_noop("Hair care"),
    gettext_noop("Styling"),
    gettext_noop("Accessories"),
    gettext_noop("Gift cards"),
]
OPTION_NAMES = [gettext_noop("Scent"), gettext_noop("Engraving"), gettext_noop("Colour")]
# The choices of select options are shown through gettext too (shop/l10n.py); free text is not.
OPTION_VALUES = [
    gettext_noop("Argan"),
    gettext_noop("Unscented"),
    gettext_noop("Black"),
    gettext_noop("Champagne"),
    gettext_noop("Rose"),
]

PRODUCTS = [
    # upc, title, category, price (EUR, incl. VAT), stock, description, colour, option codes
    ("AUR-001", "Repair shampoo with argan oil", "Hair care", "18.90", 40,
     "A mild, sulphate-free shampoo that cleans without drying and leaves hair soft and shiny.", "#c9a27e", ["scent"]),
    ("AUR-002", "Moisture conditioner", "Hair care", "19.90", 35,
     "Detangles in seconds and keeps curls and coloured hair hydrated for days.", "#8fb8c9", []),
    ("AUR-003", "Colour protect hair mask", "Hair care", "24.50", 20,
     "A weekly treatment that keeps colour bright and seals split ends.", "#b76e79", []),
    ("AUR-004", "Light hold styling cream", "Styling", "16.00", 25,
     "Soft definition for waves and short cuts, with no sticky feeling.", "#a3b18a", []),
    ("AUR-005", "Heat protection spray", "Styling", "15.50", 30,
     "Protects up to 230 °C before blow-drying, straightening or curling.", "#e09f3e", []),
    ("AUR-006", "Wooden paddle brush", "Accessories", "22.00", 12,
     "Beech wood with natural bristles: gentle on the scalp, perfect for long hair.", "#9c6644", ["engraving"]),
    ("AUR-007", "Gift card 50 €", "Gift cards", "50.00", 100,
     "Redeemable for every service and product in the salon. Valid for three years.", "#d4a5a5", []),
    ("AUR-008", "Volume dry shampoo", "Styling", "13.90", 18,
     "Refreshes the roots between washes and adds instant volume.", "#6d6875", []),
    ("AUR-009", "Silk hair ties (set of 3)", "Accessories", "9.50", 50,
     "Hold securely without pulling or leaving kinks.", "#e5989b", ["colour"]),
    ("AUR-010", "Nourishing hair oil", "Hair care", "27.00", 15,
     "A few drops on the ends: less frizz, more shine, never greasy.", "#bc6c25", []),
]  # fmt: skip


def product_image(title, colour):
    """A simple generated product picture (PNG), so the demo needs no image files."""
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((300, 120, 500, 520), radius=40, fill="#fdf8f3", outline="#3f3f46", width=6)
    draw.rectangle((350, 80, 450, 130), fill="#3f3f46")
    initials = "".join(word[0] for word in title.split()[:2]).upper()
    draw.text((370, 300), initials, fill="#3f3f46", font_size=72)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def ensure_options():
    scents, _ = AttributeOptionGroup.objects.get_or_create(name="Scent")
    for value in ("Argan", "Unscented"):
        AttributeOption.objects.get_or_create(group=scents, option=value)
    colours, _ = AttributeOptionGroup.objects.get_or_create(name="Hair tie colour")
    for value in ("Black", "Champagne", "Rose"):
        AttributeOption.objects.get_or_create(group=colours, option=value)
    options = {}
    for code, name, type_, group, required in [
        ("scent", "Scent", Option.SELECT, scents, True),
        ("engraving", "Engraving", Option.TEXT, None, False),
        ("colour", "Colour", Option.SELECT, colours, True),
    ]:
        options[code], _ = Option.objects.get_or_create(
            code=code, defaults={"name": name, "type": type_, "option_group": group, "required": required}
        )
    return options


SHIPPING_COUNTRIES = [
    ("DE", "Germany"),
    ("AT", "Austria"),
    ("CH", "Switzerland"),
    ("NL", "Netherlands"),
    ("PL", "Poland"),
    ("UA", "Ukraine"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
]


def ensure_shipping_countries():
    Country = get_model("address", "Country")
    for order, (code, name) in enumerate(SHIPPING_COUNTRIES):
        Country.objects.get_or_create(
            iso_3166_1_a2=code,
            defaults={"name": name, "printable_name": name, "is_shipping_country": True, "display_order": 100 - order},
        )


def load_products(ctx: DemoContext):
    ensure_shipping_countries()
    partner, _ = Partner.objects.get_or_create(name="Studio Aurora")
    product_class, _ = ProductClass.objects.get_or_create(
        name="Salon product", defaults={"requires_shipping": True, "track_stock": True}
    )
    options = ensure_options()
    created_count = 0
    for upc, title, category_name, price, stock, description, colour, option_codes in PRODUCTS:
        product = Product.objects.filter(upc=upc).first()
        if product is None:
            product = Product.objects.create(
                upc=upc, title=title, description=description, product_class=product_class, is_public=True
            )
            StockRecord.objects.create(
                product=product,
                partner=partner,
                partner_sku=upc,
                price_currency="EUR",
                price=Decimal(price),
                num_in_stock=stock,
            )
            created_count += 1
        if not product.categories.exists():
            category = Category.objects.filter(name=category_name, depth=1).first()
            if category is None:
                category = Category.add_root(name=category_name)
            ProductCategory.objects.create(product=product, category=category)
        for code in option_codes:
            product.product_options.add(options[code])
        if not product.images.exists():
            image = ProductImage(product=product, caption=title, display_order=0)
            image.original.save(f"{upc.lower()}.png", product_image(title, colour), save=False)
            image.save()
    if created_count:
        ctx.log(f"Created {created_count} products with stock, prices and images")


def load_shop_pages(ctx: DemoContext):
    home = home_page()
    shop = ShopPage.objects.filter(locale=home.locale).first()
    if shop is None:
        shop = home.add_child(
            instance=ShopPage(
                title=SHOP["title"],
                slug=SHOP["slug"],
                intro=SHOP["intro"],
                seo_title=SHOP["seo_title"],
                search_description=SHOP["search_description"],
            )
        )
        shop.save_revision(user=ctx.admin).publish(user=ctx.admin)
        ctx.log("Created the shop page")

    published = 0
    for upc, title, *_rest in PRODUCTS:
        product = Product.objects.get(upc=upc)
        page = ensure_product_page(product, user=ctx.admin)
        if not page.live:
            page.title = title
            page.summary = product.description
            page.search_description = product.description
            # The description is the page's summary; the body is for more (how to use, ingredients).
            page.save_revision(user=ctx.admin).publish(user=ctx.admin)
            published += 1
    if published:
        ctx.log(f"Published {published} product pages")

    translate_shop(ctx, home, shop)
    add_menu_link(ctx, "header", shop, {"en": "Shop", "de": "Shop", "ru": "Магазин", "uk": "Магазин"})


def translate_shop(ctx, home, shop):
    for code in demo_languages():
        locale = Locale.objects.get(language_code=code)
        if not Page.objects.filter(translation_key=home.translation_key, locale=locale).exists():
            continue  # the home page loader translates the home page first
        if not ShopPage.objects.filter(translation_key=shop.translation_key, locale=locale).exists():
            translate_with_localize(shop, code, SHOP_STRINGS[code], ctx.admin)
            ctx.log(f"Translated the shop page into {code}")
    translate_products(ctx, home)


def translate_products(ctx, home):
    for code in demo_languages():
        locale = Locale.objects.get(language_code=code)
        translated = 0
        for upc, *_rest in PRODUCTS:
            source = ProductPage.objects.get(product__upc=upc, locale=home.locale)
            if not ShopPage.objects.filter(translation_key=source.get_parent().translation_key, locale=locale).exists():
                break
            target = ProductPage.objects.filter(translation_key=source.translation_key, locale=locale).first()
            if target is not None and target.alias_of_id is None:
                continue
            title, description = PRODUCT_TEXT[upc][code]
            strings = {
                source.title: title,
                source.slug: transliterated_slug(title),  # /uk/tovary/<Ukrainian name>/, not the English slug
                source.summary: description,
                source.search_description: description,
            }
            translate_with_localize(source, code, strings, ctx.admin)
            translated += 1
        if translated:
            ctx.log(f"Translated {translated} product pages into {code}")


LOADERS = [DemoLoader(20, "shop products", load_products), DemoLoader(25, "shop pages", load_shop_pages)]
