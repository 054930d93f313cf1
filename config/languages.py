"""The LANGUAGES setting from a list of language codes (the `LANGUAGES` environment variable)."""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured


def languages_from_codes(codes):
    """[(code, name in that language)] for codes such as ["en", "de", "pt-br"], in the given order.

    A code Django does not know, a duplicate or an empty list is a configuration error (raised at start-up,
    not discovered by a visitor)."""
    result = []
    for raw in codes:
        code = raw.strip().lower()
        if not code:
            continue
        info = LANG_INFO.get(code)
        if info is None or "name_local" not in info:
            raise ImproperlyConfigured(f"LANGUAGES: {raw!r} is not a language code Django knows (django.conf.locale)")
        if any(code == known for known, _ in result):
            raise ImproperlyConfigured(f"LANGUAGES: {code!r} is listed twice")
        result.append((code, info["name_local"]))
    if not result:
        raise ImproperlyConfigured("LANGUAGES: name at least one language, e.g. LANGUAGES=en,de")
    return result
