"""Secret parts of URLs (manage tokens, signed links, order-status hashes) and
query strings never leave the request: statistics, logs and Sentry store URLs
through `redact`.

The app that owns a secret URL declares it with the Wagtail hook
`register_secret_url_patterns`: the hook returns regular expressions (searched
anywhere in a text, not anchored) whose capturing groups are the secret parts::

    @hooks.register(REGISTER_SECRET_URL_PATTERNS)
    def secret_urls():
        return [r"/manage/([^/?#\\s'\\"]+)"]
"""

import re

from django.apps import apps
from wagtail import hooks

from core.hooks import REGISTER_SECRET_URL_PATTERNS

# A query string inside a URL or a request repr: from "?" up to whitespace, a quote or ">".
QUERY = re.compile(r"\?[^\s'\"<>#]+")


_patterns = []


def patterns():
    """The declared patterns (none before the apps are loaded, e.g. in early log lines)."""
    if not _patterns and apps.ready:
        _patterns.extend(re.compile(p) for hook in hooks.get_hooks(REGISTER_SECRET_URL_PATTERNS) for p in hook())
    return _patterns


def _mask_groups(match, replacement):
    text, start = match.group(0), match.start()
    out, cursor = [], 0
    for index in range(1, (match.re.groups or 0) + 1):
        if match.start(index) < 0:
            continue
        begin, end = match.start(index) - start, match.end(index) - start
        out.append(text[cursor:begin])
        out.append(replacement)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def redact(text, replacement="*"):
    """`text` with every query string and declared secret URL segment replaced."""
    if not isinstance(text, str) or not text:
        return text
    text = QUERY.sub("?" + replacement, text)
    for pattern in patterns():
        text = pattern.sub(lambda m: _mask_groups(m, replacement), text)
    return text


def secrets_in(text):
    """The secret segments of the URLs in `text` (to scrub their values elsewhere)."""
    if not isinstance(text, str):
        return []
    return [value for pattern in patterns() for match in pattern.finditer(text) for value in match.groups() if value]
