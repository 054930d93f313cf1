"""The feedback inbox in the Wagtail admin (a ModelViewSet: list, filters, inspect, status)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Feedback


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Feedback only comes from visitors: nobody adds it in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class PageEditorColumn(Column):
    cell_template_name = "ops/admin/feedback_page_cell.html"


class MessageColumn(Column):
    cell_template_name = "ops/admin/feedback_message_cell.html"


class FeedbackEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.status == Feedback.Status.NEW:  # opening it marks it read
            Feedback.objects.filter(pk=self.object.pk).update(status=Feedback.Status.READ)
        return response


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Feedback")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "feedback"
    name = "ops_feedback"
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = FeedbackEditView
    permission_policy = NoAddPermissionPolicy(Feedback)
    form_fields = ["status"]
    list_filter = ["status", "locale", "rating", "created_at"]
    search_fields = ["message", "email", "page_url"]
    list_display = [
        MessageColumn("message", label=_("Message")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("rating", label=_("Rating")),
        Column("locale", label=_("Language")),
        PageEditorColumn("page", label=_("Page")),
        DateColumn("created_at", label=_("Received")),
    ]
    inspect_view_fields = [
        *("message", "email", "rating", "page_url", "page"),
        *("locale", "viewport", "created_at", "status"),
    ]


feedback_viewset = FeedbackViewSet()
