"""Product + Offer nodes for ProductPages, merged into the page's one JSON-LD graph."""

from oscar.apps.partner.strategy import Selector

from .models import ProductPage
from .prices import displayed_price

AVAILABILITY = {True: "https://schema.org/InStock", False: "https://schema.org/OutOfStock"}


def product_nodes(title, description, url, sku, image_urls, price, available, business_id):
    """Plain data in (`price`: a core.money.Money or None), schema.org nodes out."""
    product = {
        "@type": "Product",
        "@id": url + "#product",
        "name": title,
        "sku": sku,
        "url": url,
    }
    if description:
        product["description"] = description
    if image_urls:
        product["image"] = image_urls
    if price is not None:
        product["offers"] = {
            "@type": "Offer",
            "price": price.schema_price,
            "priceCurrency": price.currency,
            "availability": AVAILABILITY[bool(available)],
            "url": url,
            "seller": {"@id": business_id},
        }
    return [product]


def product_page_nodes(page, request, ctx):
    """The Product node of a ProductPage (the `construct_jsonld_graph` hook, shop/wagtail_hooks.py)."""
    if not isinstance(page, ProductPage):
        return []
    product = page.product
    strategy = getattr(request, "strategy", None)
    if strategy is None:
        strategy = Selector().strategy(request=request)
    info = strategy.fetch_for_product(product)
    images = [request.build_absolute_uri(image.original.url) for image in page.product_images if image.original]
    return product_nodes(
        title=page.title,
        description=page.seo_description,
        url=ctx.page_url,
        sku=product.upc or str(product.pk),
        image_urls=images,
        price=displayed_price(info),
        available=info.availability.is_available_to_buy,
        business_id=ctx.business_id,
    )
