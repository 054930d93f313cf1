from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Banner


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "warning"
    menu_label = _("Banners")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "severity", "target", "starts_at", "ends_at", "priority", "live", "locale"]
    list_filter = ["severity", "target", "live", "locale"]
    search_fields = ["title"]


register_snippet(BannerViewSet)
