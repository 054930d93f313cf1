"""Run localstripe (test-only fake Stripe API + fake Stripe.js, GPL, never vendored)
bound to 127.0.0.1 only, starting from an empty store.

    python -m tests.shop_fakestripe PORT

localstripe's own `localstripe` command listens on every interface; this launcher
uses its aiohttp app directly so nothing outside the loopback can reach it.

localstripe's Stripe.js has no `createPaymentMethod` (it resolves to nothing), which the
checkout page calls like real Stripe.js. The fake Stripe.js the tests load (STRIPE_JS_URL,
tests/shop_checkout_helpers.py) is localstripe's with `createPaymentMethod` added: a card
token's card stands for the payment method, which localstripe accepts as one. The site's
JavaScript carries no branch for the fake.
"""

import sys
from pathlib import Path

import localstripe
from aiohttp import web
from localstripe.server import app

from tests.shop_checkout_helpers import FAKE_STRIPE_JS_PATH

CREATE_PAYMENT_METHOD = """
(function () {
  var makeStripe = window.Stripe;
  window.Stripe = function (apiKey) {
    var stripe = makeStripe(apiKey);
    stripe.createPaymentMethod = function (data) {
      return stripe.createToken(data.card).then(function (result) {
        return result.error ? result : {paymentMethod: {id: result.token.card.id}};
      });
    };
    return stripe;
  };
})();
"""


def stripe_js(request):
    source = (Path(localstripe.__file__).parent / "localstripe-v3.js").read_text()
    return web.Response(text=source + CREATE_PAYMENT_METHOD, content_type="application/javascript")


app.router.add_get(FAKE_STRIPE_JS_PATH, stripe_js)


def main():
    port = int(sys.argv[1])
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
