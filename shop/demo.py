"""Demo products for the shop: a handful of salon products with prices and stock."""

from decimal import Decimal

from oscar.core.loading import get_model

from pages.demo import DemoContext, register

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

PRODUCTS = [
    # upc, title, category, price (EUR, incl. VAT), stock, description
    (
        "AUR-001",
        "Repair shampoo with argan oil",
        "Hair care",
        "18.90",
        40,
        "A mild, sulphate-free shampoo that cleans without drying and leaves hair soft and shiny.",
    ),
    (
        "AUR-002",
        "Moisture conditioner",
        "Hair care",
        "19.90",
        35,
        "Detangles in seconds and keeps curls and coloured hair hydrated for days.",
    ),
    (
        "AUR-003",
        "Colour protect hair mask",
        "Hair care",
        "24.50",
        20,
        "A weekly treatment that keeps colour bright and seals split ends.",
    ),
    (
        "AUR-004",
        "Light hold styling cream",
        "Styling",
        "16.00",
        25,
        "Soft definition for waves and short cuts, with no sticky feeling.",
    ),
    (
        "AUR-005",
        "Heat protection spray",
        "Styling",
        "15.50",
        30,
        "Protects up to 230 °C before blow-drying, straightening or curling.",
    ),
    (
        "AUR-006",
        "Wooden paddle brush",
        "Accessories",
        "22.00",
        12,
        "Beech wood with natural bristles: gentle on the scalp, perfect for long hair.",
    ),
    (
        "AUR-007",
        "Gift card 50 €",
        "Gift cards",
        "50.00",
        100,
        "Redeemable for every service and product in the salon. Valid for three years.",
    ),
]


@register(20, "shop products")
def load_products(ctx: DemoContext):
    partner, _ = Partner.objects.get_or_create(name="Studio Aurora")
    product_class, _ = ProductClass.objects.get_or_create(
        name="Salon product", defaults={"requires_shipping": True, "track_stock": True}
    )
    created_count = 0
    for upc, title, category_name, price, stock, description in PRODUCTS:
        if Product.objects.filter(upc=upc).exists():
            continue
        category = Category.objects.filter(name=category_name, depth=1).first()
        if category is None:
            category = Category.add_root(name=category_name)
        product = Product.objects.create(
            upc=upc, title=title, description=description, product_class=product_class, is_public=True
        )
        ProductCategory.objects.create(product=product, category=category)
        StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=upc,
            price_currency="EUR",
            price=Decimal(price),
            num_in_stock=stock,
        )
        created_count += 1
    if created_count:
        ctx.log(f"Created {created_count} products with stock and prices")
