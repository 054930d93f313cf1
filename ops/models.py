"""Operations data: cookieless page views, feedback, backup/drill records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .permissions import VIEW_STATISTICS_CODENAME


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
        # The one permission that opens the statistics panels and views (ops/permissions.py).
        permissions = [(VIEW_STATISTICS_CODENAME, _("Can view visitor and business statistics"))]

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


class Feedback(models.Model):
    """A message sent with the feedback widget on a public page."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        RESOLVED = "resolved", _("Resolved")

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    message = models.TextField(_("message"), max_length=2000)
    email = models.EmailField(_("email"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, choices=[(i, str(i)) for i in range(1, 6)]
    )
    page_url = models.CharField(_("page address"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locale = models.CharField(_("language"), max_length=8, blank=True)
    viewport = models.CharField(_("screen size"), max_length=20, blank=True)
    user = models.ForeignKey(
        "core.User", verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        text = " ".join(self.message.split())
        return text[:60] + ("…" if len(text) > 60 else "")


class BackupRecord(models.Model):
    """The outcome of one backup (`manage.py backup`) or restore drill (`manage.py restore_drill`)."""

    class Kind(models.TextChoices):
        BACKUP = "backup", _("Backup")
        DRILL = "drill", _("Restore drill")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), db_index=True)
    ok = models.BooleanField(_("succeeded"), default=False)
    db_file = models.CharField(_("database backup file"), max_length=255, blank=True)
    db_size = models.BigIntegerField(_("database backup size"), default=0)
    media_file = models.CharField(_("media backup file"), max_length=255, blank=True)
    media_size = models.BigIntegerField(_("media backup size"), default=0)
    encrypted = models.BooleanField(_("encrypted"), default=False)
    message = models.TextField(_("message"), blank=True)
    # Backups: {"tables": {name: [rows, sha256]}, "media": {path: sha256}}; drills: the differences found.
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-finished_at"]
        verbose_name = _("backup record")
        verbose_name_plural = _("backup records")

    def __str__(self):
        return f"{self.get_kind_display()} {self.finished_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'FAILED'}"
