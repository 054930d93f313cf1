"""Which requests count as a page view, and how a visitor is recognised for one
day without storing an IP address or setting a cookie. Plain Python only."""

import hashlib
import re
from functools import wraps
from urllib.parse import urlsplit

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scan|monitor|uptime|pingdom|headless|lighthouse|phantom|"
    r"preview|curl|wget|httpie|python|java/|go-http|okhttp|libwww|facebookexternalhit|embedly|whatsapp|"
    r"telegram|discord|slack|bing|yandex|baidu|duckduck|semrush|ahrefs|mj12|petal",
    re.IGNORECASE,
)

# Never counted: admin, assets, machine endpoints. Other apps' views that are no page
# views (e.g. an app's staff dashboard) say so with `not_a_page_view`.
DEFAULT_EXCLUDED = (
    r"^/admin/",
    r"^/django-admin/",
    r"^/static/",
    r"^/media/",
    r"^/documents/",
    r"^/health/",
    r"^/i18n/",
    r"^/ops/",
    r"^/favicon",
    r"^/robots\.txt",
    r"^/sitemap",
    r"^/[a-z]{2}(-[a-z]+)?/ops/",
)


def not_a_page_view(view):
    """A view whose responses visitor statistics never count (staff tools, machine endpoints)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        response.not_a_page_view = True
        return response

    return wrapped


def is_bot(user_agent):
    """True for crawlers, link previews, scripts and headless browsers (and an empty agent)."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def compile_exclusions(patterns=DEFAULT_EXCLUDED):
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def referrer_domain(referer, own_host):
    """The referring site's host name, or "" for direct visits and internal navigation."""
    if not referer:
        return ""
    try:
        host = (urlsplit(referer).hostname or "").lower()
    except ValueError:
        return ""
    own = (own_host or "").split(":")[0].lower()
    if not host or host == own:
        return ""
    return host.removeprefix("www.")[:200]


def visitor_hash(salt, address, user_agent):
    """16 hex chars identifying a visitor for one day only (the salt changes daily and is then deleted)."""
    digest = hashlib.sha256(f"{salt}|{address}|{user_agent}".encode()).hexdigest()
    return digest[:16]


def clean_path(path, limit=300):
    """The path without query string, capped to the column size."""
    return path.split("?", 1)[0][:limit]
