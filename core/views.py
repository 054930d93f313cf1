from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@never_cache
@require_GET
def health_view(request):
    ok, results = health.run_checks()
    failing = [name for name, value in results.items() if value != "ok"]
    body = {"status": "ok" if ok else "error", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=200 if ok else 503)
