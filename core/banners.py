"""Which announcement banners a visitor sees. Plain Python: no Django, no Wagtail.

Rules:
- only banners within their schedule (starts_at <= now < ends_at; an empty bound is open);
- only banners whose target matches: the whole site, a page subtree (matched by the
  translation keys of the current page's ancestors, so a subtree in any language
  counts), or an area another app declares (a `BannerArea`, see core/hooks.py);
- one banner per translation group: the visitor's language if translated, otherwise
  the default language's text;
- highest priority first, then the most recently started; at most `limit`.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

TARGET_SITE = "site"
TARGET_SUBTREE = "subtree"


@dataclass(frozen=True)
class BannerArea:
    """A part of the site an editor can target with a banner, declared by the app that owns it
    (the `register_banner_areas` hook). Its pages name it in `banner_area`; views in one of
    `url_namespaces` show its banners too."""

    name: str  # stored in Banner.target (at most 10 characters)
    label: str
    url_namespaces: tuple = ()


@dataclass(frozen=True)
class BannerCandidate:
    id: int
    translation_key: str
    language: str
    priority: int
    target: str
    message_html: str
    link_url: str = ""
    link_label: str = ""
    severity: str = "info"
    dismissible: bool = True
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    target_page_key: str | None = None  # translation key of the subtree root
    link_page_id: int | None = None  # rendered as the visitor's language version, in place of link_url

    @property
    def dismiss_key(self):
        """Changes whenever the text changes, so an edited banner shows again."""
        digest = hashlib.sha256(f"{self.message_html}|{self.link_url}|{self.link_label}".encode()).hexdigest()[:12]
        return f"{self.translation_key}:{digest}"

    def is_scheduled_at(self, now):
        return (self.starts_at is None or self.starts_at <= now) and (self.ends_at is None or now < self.ends_at)

    def targets(self, area, ancestor_keys):
        if self.target == TARGET_SITE:
            return True
        if self.target == TARGET_SUBTREE:
            return self.target_page_key is not None and self.target_page_key in ancestor_keys
        return self.target == area


def select_banners(candidates, *, now, language, default_language, area=TARGET_SITE, ancestor_keys=(), limit=2):
    by_group = {}
    for banner in candidates:
        if banner.language not in (language, default_language):
            continue
        current = by_group.get(banner.translation_key)
        if current is None or (banner.language == language and current.language != language):
            by_group[banner.translation_key] = banner
    ancestor_keys = set(ancestor_keys)
    visible = [b for b in by_group.values() if b.is_scheduled_at(now) and b.targets(area, ancestor_keys)]
    visible.sort(key=lambda b: (-b.priority, -(b.starts_at.timestamp() if b.starts_at else 0), b.id))
    return visible[:limit]


def next_change(candidates, now):
    """The next moment any banner starts or ends (for page-cache lifetimes), or None."""
    moments = [m for b in candidates for m in (b.starts_at, b.ends_at) if m is not None and m > now]
    return min(moments) if moments else None
