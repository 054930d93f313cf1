"""Version counters for cached fragments (menus, banners).

Readers put the version in their cache key; writers bump it from signal
handlers, so an edit shows at once and nothing is served stale.
"""

from django.core.cache import cache


def version(name):
    key = f"cachever:{name}"
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, None)
        value = cache.get(key) or 1
    return value


def bump(name):
    key = f"cachever:{name}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)
