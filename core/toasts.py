"""Toasts: one mechanism for Django messages and HTMX responses.

- In a normal view: `messages.success(request, _("Saved."))`; base.html renders
  pending messages as toasts.
- In an HTMX response: `hx_toast(response, _("Saved."), "success")` adds an
  `HX-Trigger: {"toast": {...}}` header; the same Alpine component shows it.
Levels: info, success, warning, error.
"""

import json

from django.utils.html import strip_tags

LEVELS = {"debug": "info", "info": "info", "success": "success", "warning": "warning", "error": "error"}


def toast_payload(message, level="info"):
    # Toasts show text only (Alpine's x-text): some Oscar messages carry HTML.
    text = " ".join(strip_tags(str(message)).split())
    return {"message": text, "level": LEVELS.get(level.split()[-1] if level else "info", "info")}


def hx_toast(response, message, level="info"):
    """Attach a toast to an HTMX response, keeping any other HX-Trigger events."""
    triggers = {}
    existing = response.headers.get("HX-Trigger")
    if existing:
        try:
            triggers = json.loads(existing)
        except ValueError:
            triggers = {existing: True}
    triggers["toast"] = toast_payload(message, level)
    # ASCII JSON: header values must be Latin-1, and \u escapes survive any proxy.
    response.headers["HX-Trigger"] = json.dumps(triggers)
    return response
