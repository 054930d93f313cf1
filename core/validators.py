"""Links editors type (banners, menus, any URL field that is not a URLField/URLBlock)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f-\xa0\s`]+")


def is_safe_link(url):
    """True for a site path ("/en/shop/"), a fragment, or an http(s)/mailto/tel URL;
    False for javascript:, data:, vbscript:, protocol-relative "//host" and the like."""
    value = _IGNORED.sub("", (url or "").lower())
    if not value:
        return False
    if value.startswith(("/", "#", "?")):
        return not value.startswith(("//", "/\\"))
    match = _SCHEME.match(value)
    return bool(match) and match.group(1) in SAFE_SCHEMES


def validate_link_url(url):
    if url and not is_safe_link(url):
        raise ValidationError(
            _("Enter a page path (/en/…) or an address starting with https://, http://, mailto: or tel:."),
            code="unsafe_link",
        )
