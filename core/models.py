from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """The one account model for customers, staff, Wagtail editors and the Django admin.

    Email is the login (Oscar's AbstractUser). It exists from the first migration
    because swapping AUTH_USER_MODEL later is not possible.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
