from django.db.models.signals import post_save
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core.banners import BannerArea
from core.hooks import (
    CONSTRUCT_JSONLD_GRAPH,
    REGISTER_ADMIN_PERMISSIONS,
    REGISTER_BANNER_AREAS,
    REGISTER_DEMO_LOADERS,
    REGISTER_PERSONAL_DATA,
    REGISTER_ROBOTS_TXT_RULES,
    REGISTER_SECRET_URL_PATTERNS,
)
from ops.permissions import can_view_statistics

from . import admin_views, demo, jsonld, privacy, stats
from .models import BANNER_AREA

Order = get_model("order", "Order")
post_save.connect(stats.invalidate, sender=Order, dispatch_uid="shop-stats-invalidate")


class OrdersRevenuePanel(Component):
    name = "shop_orders_revenue"
    order = 150
    template_name = "shop/admin/stats_panel.html"

    def __init__(self, figures):
        self.figures = figures

    def get_context_data(self, parent_context):
        return {"stats": self.figures}


@hooks.register("construct_homepage_panels")
def add_orders_panel(request, panels):
    if not can_view_statistics(request.user):
        return
    figures = stats.cached_stats()
    if figures["orders"]:
        panels.append(OrdersRevenuePanel(figures))


@hooks.register("register_admin_urls")
def shop_admin_urls():
    return [
        path("shop/orders/", admin_views.orders_view, name="shop_admin_orders"),
        path("shop/orders/<str:number>/refund/", admin_views.refund_view, name="shop_admin_refund"),
    ]


class OrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("order.change_order")


@hooks.register("register_admin_menu_item")
def orders_menu_item():
    return OrdersMenuItem(_("Orders"), reverse("shop_admin_orders"), icon_name="list-ul", order=900)


@hooks.register(REGISTER_BANNER_AREAS)
def shop_banner_areas():
    """The storefront and product pages (their `banner_area`) and Oscar's own views
    (basket, checkout, account…) show "Shop" banners."""
    namespaces = ("catalogue", "basket", "checkout", "customer", "search", "offer", "wishlists")
    return [BannerArea(BANNER_AREA, _("Shop"), url_namespaces=namespaces)]


@hooks.register(REGISTER_ROBOTS_TXT_RULES)
def shop_robots_txt_rules():
    return ["Disallow: /*/shop/basket/", "Disallow: /*/shop/checkout/", "Disallow: /*/shop/accounts/"]


@hooks.register(REGISTER_SECRET_URL_PATTERNS)
def shop_secret_urls():
    # Oscar's guest order-status and stock-alert links, password-reset and email confirmation links, shared wishlists.
    return [
        r"/order-status(?:-form)?/[^/?#\s'\"<>]*/([^/?#\s'\"<>]+)",
        r"/password[-_]reset/confirm/([^/?#\s'\"<>]+)/([^/?#\s'\"<>]+)",  # also Wagtail admin's
        r"/verify-email/([^/?#\s'\"<>]+)",  # email confirmation links
        r"/alerts/(?:confirm|cancel/key)/([^/?#\s'\"<>]+)",  # stock alert links mailed to guests
        r"/wishlists/([^/?#\s'\"<>]+)",
    ]


@hooks.register(REGISTER_PERSONAL_DATA)
def orders_personal_data():
    return [privacy.Orders]


@hooks.register(CONSTRUCT_JSONLD_GRAPH)
def product_jsonld(page, request, graph, nodes):
    nodes.extend(jsonld.product_page_nodes(page, request, graph))


@hooks.register(REGISTER_DEMO_LOADERS)
def demo_loaders():
    return demo.LOADERS


@hooks.register(REGISTER_ADMIN_PERMISSIONS)
def dashboard_permissions():
    return ["partner.dashboard_access"]  # Oscar's dashboard without is_staff
