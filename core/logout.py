"""Logging out is POST only and always ends the session on the server.

A GET (a link, an <img> on another site) never signs anybody out, and a logout
never only drops the cookie while the session stays valid for a copied cookie."""

from django.http import HttpResponseNotAllowed
from wagtail.admin.views.account import LogoutView as WagtailLogoutView


class AdminLogoutView(WagtailLogoutView):
    """Wagtail's logout deletes the session cookie even when Django's LogoutView
    refused the GET (405) without logging out; refuse before that happens."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)
