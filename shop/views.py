from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe calls this outside the language prefix.

    Until the checkout issue lands it only refuses what it cannot verify: every
    event must carry a valid Stripe signature for STRIPE_WEBHOOK_SECRET.
    """
    import stripe
    from django.conf import settings

    signature = request.headers.get("Stripe-Signature", "")
    if not settings.STRIPE_WEBHOOK_SECRET:
        return HttpResponseBadRequest("Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET is empty).")
    try:
        stripe.Webhook.construct_event(request.body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except ValueError:
        return HttpResponseBadRequest("Invalid payload.")
    except stripe.SignatureVerificationError:
        return HttpResponseBadRequest("Invalid signature.")
    return HttpResponse(status=200)
