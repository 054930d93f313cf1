"""Oscar's customer logout signs out on GET; ours only on POST (see core/logout.py)."""

from oscar.apps.customer.views import LogoutView as OscarLogoutView


class LogoutView(OscarLogoutView):
    # RedirectView.post() runs Oscar's get(): auth logout (the session is flushed) and cookie cleanup.
    # Not "options": RedirectView.options() runs get() too, which would log out (no CSRF check either).
    http_method_names = ["post"]
