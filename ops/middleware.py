"""Cookieless visitor statistics: one row per public HTML page view."""

import logging

from django.conf import settings
from django.utils import timezone

from core.ratelimit import client_address

from . import recorder, secret_urls
from .models import PageView
from .visitors import DEFAULT_EXCLUDED, clean_path, compile_exclusions, is_bot, referrer_domain, visitor_hash

logger = logging.getLogger(__name__)


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = compile_exclusions(DEFAULT_EXCLUDED)
        self.enabled = settings.OPS_STATS_ENABLED

    def __call__(self, request):
        response = self.get_response(request)
        if self.enabled and self.counts(request, response):
            try:
                self.log(request)
            except Exception:  # statistics must never break a page
                logger.exception("could not record a page view")
        return response

    def counts(self, request, response):
        if request.method != "GET" or response.status_code != 200:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        headers = request.headers
        if "HX-Request" in headers or headers.get("Sec-Purpose", headers.get("Purpose", "")).startswith("prefetch"):
            return False
        if getattr(response, "not_a_page_view", False) or self.excluded.match(request.path):
            return False
        return not is_bot(headers.get("User-Agent", ""))

    def log(self, request):
        now = timezone.now()
        day = timezone.localdate(now)
        user_agent = request.headers.get("User-Agent", "")
        recorder.record(
            PageView(
                day=day,
                created_at=now,
                path=clean_path(secret_urls.redact(request.path)),
                locale=(getattr(request, "LANGUAGE_CODE", "") or "")[:8],
                referrer_domain=referrer_domain(request.headers.get("Referer", ""), request.get_host()),
                visitor=visitor_hash(recorder.salt_for(day), client_address(request), user_agent),
            )
        )
