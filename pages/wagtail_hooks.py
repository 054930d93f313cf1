from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.hooks import REGISTER_DEMO_LOADERS

from . import demo
from .models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "location", "locale"]
    list_filter = ["location", "locale"]


register_snippet(MenuViewSet)


@hooks.register("filter_form_submissions_for_user")
def submissions_need_their_permission(user, editable_forms):
    """Contact-form submissions (names, emails, messages) are readable only with
    pages.view_form_submissions (superusers have it), not by every editor."""
    if user.has_perm("pages.view_form_submissions"):
        return editable_forms
    return editable_forms.none()


@hooks.register(REGISTER_DEMO_LOADERS)
def demo_loaders():
    return demo.LOADERS
