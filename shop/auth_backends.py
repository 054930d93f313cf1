"""Oscar's email sign-in without telling which addresses have accounts."""

from django.contrib.auth import get_user_model
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend
from oscar.apps.customer.utils import normalise_email


class EmailBackend(OscarEmailBackend):
    """An unknown address costs one password hash, like a known one (Django's
    ModelBackend does the same for unknown usernames); otherwise the time a login
    takes tells whether the address has an account."""

    def _authenticate(self, request, email=None, password=None, *args, **kwargs):
        candidate = email if email is not None else kwargs.get("username")
        if candidate is not None and password is not None:
            address = normalise_email(candidate)
            User = get_user_model()
            if "@" in address and not User._default_manager.filter(email__iexact=address).exists():
                User().set_password(password)
                return None
        return super()._authenticate(request, email, password, *args, **kwargs)
