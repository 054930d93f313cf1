"""A loopback HTTP server standing in for sentry.io, and the events it received.

    from tests.sentry_helpers import events, sentry_server  # noqa: F401 (fixture)

`sentry_server` points the Sentry SDK (through ops.sentry.init_sentry, as production does)
at the stand-in and yields the list of (path, body) it receives; `events(received)` gives
the event payloads inside those envelopes."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk

from ops.sentry import init_sentry

RELEASE = "studio@1.2.3"
ENVIRONMENT = "ci"


class Collector(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        Collector.received.append((self.path, body.decode("utf-8")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    Collector.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dsn = f"http://publickey@127.0.0.1:{server.server_port}/42"
    assert init_sentry(dsn, environment=ENVIRONMENT, release=RELEASE)
    yield Collector.received
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # back to a client that sends nothing
    server.shutdown()
    server.server_close()


def events(received):
    """The event payloads in the envelopes received (an item header line, then the event)."""
    found = []
    for _path, body in received:
        lines = body.split("\n")
        for index, line in enumerate(lines[:-1]):
            if line.startswith("{") and json.loads(line).get("type") == "event":
                found.append(json.loads(lines[index + 1]))
    return found
