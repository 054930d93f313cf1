"""The admin's own password-change pages check the current password through
authenticate(request) too (core.accounts.GuardedOldPasswordMixin), so the lockout
and the rate limit count them like any login. Mounted in config/urls.py in front
of the Wagtail and Django admin URLs they replace."""

from django.contrib import admin
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.urls import reverse
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.auth import PasswordChangeForm as WagtailPasswordChangeForm
from wagtail.admin.views.account import AccountView, ChangePasswordPanel

from core.accounts import GuardedOldPasswordMixin


class GuardedAdminPasswordChangeForm(GuardedOldPasswordMixin, AdminPasswordChangeForm):
    pass


class GuardedWagtailPasswordChangeForm(GuardedOldPasswordMixin, WagtailPasswordChangeForm):
    pass


class GuardedChangePasswordPanel(ChangePasswordPanel):
    form_class = GuardedWagtailPasswordChangeForm

    def get_form(self):
        form = super().get_form()
        form.request = self.request
        return form


class GuardedAccountView(AccountView):
    def get_panels(self):
        return [
            GuardedChangePasswordPanel(panel.request, panel.user, panel.profile)
            if type(panel) is ChangePasswordPanel
            else panel
            for panel in super().get_panels()
        ]


class GuardedAdminPasswordChangeView(PasswordChangeView):
    form_class = GuardedAdminPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


def django_admin_password_change(request):
    request.current_app = admin.site.name
    view = GuardedAdminPasswordChangeView.as_view(
        success_url=reverse("admin:password_change_done"),
        extra_context=admin.site.each_context(request),
        template_name=admin.site.password_change_template or "registration/password_change_form.html",
    )
    return view(request)


wagtail_account_view = require_admin_access(GuardedAccountView.as_view())
django_admin_password_change_view = admin.site.admin_view(django_admin_password_change)
