"""API keys in the Wagtail admin (Settings → API keys): create (the key is shown once, in the
success message), list with scope, venue and "last used", revoke (edit → "Revoke this key")."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from booking.models import VenuePage

from . import keys
from .models import ApiKey


class ApiKeyForm(WagtailAdminModelForm):
    class Meta:
        model = ApiKey
        fields = ["name", "scope", "venue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = VenuePage.objects.filter(locale=Locale.get_default())


class ApiKeyEditForm(ApiKeyForm):
    revoke = forms.BooleanField(
        label=_("Revoke this key"), required=False, help_text=_("A revoked key stops working at once, for good.")
    )


class ApiKeyCreateView(CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.full_key = keys.issue_secret(instance)
        instance.save()
        return instance

    def get_success_message(self, instance):
        return format_html(
            "{} <code>{}</code>",
            _("API key created. Copy it now, it is not shown again:"),
            self.full_key,
        )


class ApiKeyEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if self.form.cleaned_data.get("revoke"):
            keys.revoke(instance)
        return instance


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    add_to_settings_menu = True
    url_prefix = "api-keys"
    name = "api_keys"
    copy_view_enabled = False
    add_view_class = ApiKeyCreateView
    edit_view_class = ApiKeyEditView
    list_filter = ["scope", "venue"]
    search_fields = ["name", "prefix"]
    list_display = [
        "name",
        Column("prefix", label=_("Key starts with"), accessor=lambda key: f"{keys.PREFIX}{key.prefix}…"),
        Column("scope", label=_("scope"), accessor="get_scope_display"),
        Column("venue", label=_("venue")),
        DateColumn("created_at", label=_("created")),
        DateColumn("last_used_at", label=_("last used")),
        DateColumn("revoked_at", label=_("revoked")),
    ]

    def get_form_class(self, for_update=False):
        return ApiKeyEditForm if for_update else ApiKeyForm


api_key_viewset = ApiKeyViewSet()
