"""Run localstripe (test-only fake Stripe API + fake Stripe.js, GPL, never vendored)
bound to 127.0.0.1 only, starting from an empty store.

    python -m tests.shop_fakestripe PORT

localstripe's own `localstripe` command listens on every interface; this launcher
uses its aiohttp app directly so nothing outside the loopback can reach it.
"""

import sys

from aiohttp import web
from localstripe.server import app


def main():
    port = int(sys.argv[1])
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
