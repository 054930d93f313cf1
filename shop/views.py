import logging
import time

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.middleware import maintenance_exempt
from ops.visitors import not_a_page_view

from .webhooks import InvalidEvent, handle_event

logger = logging.getLogger(__name__)


def signed_in_the_future(signature, now=None):
    """Stripe's library only refuses timestamps older than its tolerance; one further
    ahead than the tolerance is refused here too (a replayable, pre-signed event)."""
    tolerance = stripe.Webhook.DEFAULT_TOLERANCE
    now = time.time() if now is None else now
    # Every "t" item counts (Stripe reads the first exact "t=", a decoy " t=now" must not hide it).
    for part in signature.split(","):
        key, _, value = part.partition("=")
        if key.strip() == "t":
            try:
                if int(value) > now + tolerance:
                    return True
            except ValueError:
                return True
    return False


@maintenance_exempt  # payment callbacks must not be lost
@not_a_page_view
@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe calls this outside the language prefix. Only signed, fresh events are applied
    (tampered, stale or unsigned → 400 and nothing changes); each event id is applied once."""
    signature = request.headers.get("Stripe-Signature", "")
    if not settings.STRIPE_WEBHOOK_SECRET:
        return HttpResponseBadRequest("Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET is empty).")
    if not signature:
        return HttpResponseBadRequest("Missing Stripe-Signature header.")
    if signed_in_the_future(signature):
        return HttpResponseBadRequest("Invalid or expired signature.")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except ValueError:
        return HttpResponseBadRequest("Invalid payload.")
    except stripe.SignatureVerificationError:
        return HttpResponseBadRequest("Invalid or expired signature.")
    except AttributeError:  # signed JSON that is not an object (stripe reads it with .get)
        return HttpResponseBadRequest("Invalid payload: an event is a JSON object.")
    try:
        result = handle_event(event.to_dict())
    except InvalidEvent as error:
        return HttpResponseBadRequest(f"Invalid event: {error}")
    logger.info("Stripe event %s (%s): %s", event.id, event.type, result)
    return HttpResponse(result, content_type="text/plain")
