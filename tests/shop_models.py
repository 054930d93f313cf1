"""Oscar's models for tests, loaded the way the site loads them (get_model follows the
apps the project forks, shop.oscar_apps): import them from here instead of repeating the
get_model lines in every test module."""

from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Category = get_model("catalogue", "Category")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductReview = get_model("reviews", "ProductReview")
Range = get_model("offer", "Range")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
StockAlert = get_model("partner", "StockAlert")
StockRecord = get_model("partner", "StockRecord")
Voucher = get_model("voucher", "Voucher")
