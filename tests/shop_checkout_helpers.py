"""Helpers for shop checkout tests: localstripe on 127.0.0.1, and a guest checkout driven
through Oscar's real views with Django's test client."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import stripe

ROOT = Path(__file__).resolve().parent.parent
# The fake Stripe.js with createPaymentMethod (tests/shop_fakestripe.py); under /js.stripe.com/,
# which localstripe serves without an API key.
FAKE_STRIPE_JS_PATH = "/js.stripe.com/v3/with-payment-methods/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeStripe:
    """localstripe (fake Stripe API + Stripe.js) in a subprocess, loopback only, empty store."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.shop_fakestripe", str(self.port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("localstripe did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def client(self):
        return stripe.StripeClient("sk_test_shop", base_addresses={"api": self.url})

    def payment_method(self, number):
        card = {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}
        return self.client().v1.payment_methods.create(params={"type": "card", "card": card}).id

    def authorised_intent(self, order_number, cents, card="4242424242424242", captured=False):
        """A PaymentIntent for the order, confirmed with a test card and authorised (manual capture,
        as the checkout does); captured too when asked."""
        client = self.client()
        intent = client.v1.payment_intents.create(
            params={
                "amount": cents,
                "currency": "eur",
                "payment_method": self.payment_method(card),
                "confirm": True,
                "capture_method": "manual",
                "metadata": {"order_number": order_number},
            }
        )
        if captured:
            client.v1.payment_intents.capture(intent.id)
        return intent

    def intent(self, intent_id):
        return self.client().v1.payment_intents.retrieve(intent_id)

    def intents(self):
        return list(self.client().v1.payment_intents.list(params={"limit": 100}).data)

    def authenticate(self, intent_id, client_secret, success=True):
        """What the fake Stripe.js does when the customer passes (or fails) 3-D Secure."""
        import requests

        response = requests.post(
            f"{self.url}/v1/payment_intents/{intent_id}/_authenticate",
            data={"client_secret": client_secret, "success": "true" if success else "false", "key": "pk_test_shop"},
            timeout=10,
        )
        response.raise_for_status()


ADDRESS = {
    "first_name": "Erika",
    "last_name": "Mustermann",
    "line1": "Kastanienallee 1",
    "line4": "Berlin",
    "postcode": "10435",
    "country": "DE",
    "phone_number": "",
}


def prepare_checkout(
    client, product, lang="de", email="erika@example.com", quantity=1, options=None, shipping="salon-pickup"
):
    """Basket → guest email → shipping method → address (delivery only); returns the payment page response."""
    data = {"quantity": quantity, **(options or {})}
    response = client.post(f"/{lang}/shop/basket/add/{product.pk}/", data)
    assert response.status_code == 302, response
    assert client.get(f"/{lang}/shop/basket/").context["basket"].num_items == quantity, "not added to the basket"
    response = client.post(f"/{lang}/shop/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url.endswith("/checkout/shipping-method/"), response.url
    response = client.post(f"/{lang}/shop/checkout/shipping-method/", {"method_code": shipping})
    assert response.status_code == 302, response
    if shipping == "salon-pickup":
        assert response.url.endswith("/checkout/payment-method/"), f"pickup asked for an address: {response.url}"
    else:
        assert response.url.endswith("/checkout/shipping-address/"), f"shipping method {shipping!r} refused"
        response = client.post(f"/{lang}/shop/checkout/shipping-address/", ADDRESS)
        assert response.status_code == 302, response.content.decode()[-3000:]
        assert response.url.endswith("/checkout/payment-method/"), response.url
    return client.get(f"/{lang}/shop/checkout/payment-details/", follow=True)


def pay(client, lang="de", **data):
    return client.post(f"/{lang}/shop/checkout/preview/", {"action": "place_order", **data})


@pytest.fixture(scope="session")
def fake_stripe_server():
    server = FakeStripe()
    yield server
    server.stop()


@pytest.fixture
def fake_stripe(fake_stripe_server, settings):
    """Stripe settings pointed at localstripe (import this fixture into a test module)."""
    settings.STRIPE_SECRET_KEY = "sk_test_shop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_shop"
    settings.STRIPE_API_BASE = fake_stripe_server.url
    settings.STRIPE_JS_URL = fake_stripe_server.url + FAKE_STRIPE_JS_PATH
    return fake_stripe_server
