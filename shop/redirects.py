"""Oscar's own catalogue URLs lead to the Wagtail storefront of the current language."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from oscar.core.loading import get_model
from wagtail.models import Locale

from .models import product_page_for, redirect_to_page, shop_page_for

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def product_url(product):
    """`Product.get_absolute_url` (settings.ABSOLUTE_URL_OVERRIDES): the ProductPage of the
    current language, else Oscar's detail URL (which redirects once a page exists)."""

    page = product_page_for(product, Locale.get_active())
    if page is not None:
        return page.get_url()
    return reverse("catalogue:detail", kwargs={"product_slug": product.slug or "product", "pk": product.pk})


class ProductRedirectView(View):
    def get(self, request, pk, product_slug=None):
        product = get_object_or_404(Product, pk=pk)
        page = product_page_for(product, Locale.get_active())
        if page is None:
            raise Http404("This product has no published page.")
        return redirect_to_page(page, request)


class CatalogueRedirectView(View):
    def get(self, request, *args, **kwargs):
        query = urlencode({"q": request.GET["q"]}) if request.GET.get("q") else ""
        return redirect_to_page(shop_page_for(Locale.get_active()), request, query)


class CategoryRedirectView(View):
    def get(self, request, category_slug=None, pk=None, **kwargs):
        category = get_object_or_404(Category, pk=pk)
        root = category.get_root() if category.depth > 1 else category
        return redirect_to_page(shop_page_for(Locale.get_active()), request, urlencode({"category": root.slug}))
