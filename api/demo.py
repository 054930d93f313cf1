"""Demo API keys: one read-only, one for booking, printed once when they are created."""

from pages.demo import DemoContext, DemoLoader

from . import keys
from .models import BOOKING, READ, ApiKey

DEMO_KEYS = [("Demo read-only key", READ), ("Demo booking key", BOOKING)]


def load_api_keys(ctx: DemoContext):
    for name, scope in DEMO_KEYS:
        if ApiKey.objects.filter(name=name).exists():
            continue
        _key, secret = keys.create_key(name=name, scope=scope)
        ctx.log(f"API key ({scope}), shown only now: {secret}")


LOADERS = [DemoLoader(60, "API keys", load_api_keys)]
