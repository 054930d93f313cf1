import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import user_has_device

from . import health

logger = logging.getLogger(__name__)


def _is_staff(request):
    # Reading the session needs the database or cache, which may be what is down.
    try:
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        # A password without the second factor does not open the admin, nor this.
        if settings.STAFF_2FA_REQUIRED or user_has_device(user):
            return bool(getattr(user, "is_verified", lambda: False)())
        return True
    except Exception:
        return False


@never_cache
@require_GET
def health_view(request):
    """Status and the name of every failing check for anyone (load balancers, monitors);
    the reasons (hosts, ports, exception text) only for signed-in staff and the log."""
    ok, results = health.run_checks()
    failing = [name for name, value in results.items() if value != "ok"]
    if failing:
        logger.warning("health check failed: %s", {name: results[name] for name in failing})
    if not _is_staff(request):
        results = {name: "ok" if value == "ok" else "error" for name, value in results.items()}
    body = {"status": "ok" if ok else "error", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=200 if ok else 503)
