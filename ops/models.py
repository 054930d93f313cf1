"""Operations data: cookieless page views, feedback, backup/drill records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageView(models.Model):
    """One public page view. No IP, no cookie: `visitor` is a hash of
    (daily salt, IP, user agent) that cannot be linked across days once the
    day's salt is deleted."""

    day = models.DateField(_("day"), db_index=True)
    created_at = models.DateTimeField(_("time"))
    path = models.CharField(_("path"), max_length=300)
    locale = models.CharField(_("language"), max_length=8, blank=True)
    referrer_domain = models.CharField(_("referrer"), max_length=200, blank=True)
    visitor = models.CharField(_("visitor hash"), max_length=16)

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")
        indexes = [models.Index(fields=["day", "path"])]
        # The one permission that opens the statistics panels and views
        # (shop and booking panels check it too): "ops.view_statistics".
        permissions = [("view_statistics", _("Can view visitor and business statistics"))]

    def __str__(self):
        return f"{self.day} {self.path}"


class DailySalt(models.Model):
    """The salt for one day's visitor hashes; deleted after the day is over."""

    day = models.DateField(primary_key=True)
    value = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self):
        return str(self.day)
