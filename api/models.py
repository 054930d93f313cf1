"""API keys and the stored answers of idempotent requests. The logic lives in keys.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _

READ, BOOKING, STAFF = "read", "booking", "staff"
SCOPE_CHOICES = [
    (READ, _("read-only: venues, services, staff, free times")),
    (BOOKING, _("booking: read-only, and book, read, cancel and reschedule bookings")),
    (STAFF, _("staff: booking, and a staff member's day")),
]


class ApiKey(models.Model):
    """A key is `<prefix>.<secret>`; only the prefix (to find the row) and the SHA-256 of the
    high-entropy secret are stored, so the key is shown once, when it is created."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Who or what uses this key."))
    scope = models.CharField(_("scope"), max_length=20, choices=SCOPE_CHOICES, default=READ)
    venue = models.ForeignKey(
        "booking.VenuePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("venue"),
        help_text=_("Leave empty for every venue."),
    )
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None


class IdempotentRequest(models.Model):
    """A POST made with an Idempotency-Key: a retry gets the same booking's answer. `response`
    holds only {"appointment_id": …}, no personal data (the answer is rebuilt from the row)."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(default=0)
    response = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["api_key", "key"], name="api_idempotency_key_unique")]

    def __str__(self):
        return f"{self.key} → {self.status_code}"
