"""SEO helpers shared by every page type.

`SeoPageMixin` (put it before wagtail-seo's SeoMixin) makes sure every meta tag
has a value:
- description: the editor's search description, else the page's own text
  (`seo_description_fallbacks()`: its intro, first paragraph, a product's
  description…), shortened to a snippet-sized sentence;
- og:image: the editor's image (or the site default), else the page's own picture
  (`seo_fallback_image_url()`, e.g. a product photo), else a generated picture of
  the title. Always an absolute URL.
"""

import re
from functools import cached_property
from html import unescape

from anyascii import anyascii
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.images.models import SourceImageIOError
from wagtailseo import utils as seo_utils

from .og_image import image_key

DESCRIPTION_LENGTH = 200


def plain_text(value):
    """Rich text or plain text → one line of plain text."""
    text = unescape(strip_tags(str(value or "")))
    return re.sub(r"\s+", " ", text).strip()


def snippet(text, limit=DESCRIPTION_LENGTH):
    """Shorten at a word boundary, with an ellipsis when cut."""
    text = plain_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–—- ")
    return f"{cut}…"


def first_paragraph(stream):
    """The text of the first paragraph-like block of a StreamField (or "")."""
    for block in stream or []:
        if block.block_type == "paragraph":
            text = plain_text(block.value.source if hasattr(block.value, "source") else block.value)
        elif block.block_type in ("image_text",):
            text = plain_text(block.value["text"].source)
        else:
            continue
        if text:
            return text
    return ""


class SeoPageMixin:
    """Put before SeoMixin on every page type."""

    def seo_description_fallbacks(self):
        """Texts to describe the page when the editor wrote no search description, best first."""
        intro = getattr(self, "intro", "")
        body = getattr(self, "body", None)
        candidates = [intro]
        if body is not None and hasattr(body, "stream_block"):
            candidates.append(first_paragraph(body))
        elif body:
            candidates.append(body)  # rich text (legal pages)
        return candidates

    @cached_property
    def seo_description(self):
        for text in [self.search_description, *self.seo_description_fallbacks()]:
            text = snippet(text)
            if text:
                return text
        return ""

    def seo_fallback_image_url(self):
        """A picture of the page itself when the editor chose no social image (e.g. a product photo)."""
        return ""

    @cached_property
    def seo_image_url(self):
        site = self.get_site()
        image = self.seo_image
        if image:
            try:
                rendition = image.get_rendition("max-1200x1200")
            except SourceImageIOError:
                rendition = None  # the file is gone (e.g. media not restored): fall back below
            if rendition is not None:
                return seo_utils.ensure_absolute_url(rendition.url, seo_utils.get_absolute_media_url(site))
        root = site.root_url if site else ""
        own = self.seo_fallback_image_url()
        if own:
            return seo_utils.ensure_absolute_url(own, root)
        key = image_key(self.seo_pagetitle, self.seo_sitename)
        return seo_utils.ensure_absolute_url(reverse("og-image", kwargs={"page_id": self.pk, "key": key}), root)


def transliterated_slug(title, limit=60):
    """A Latin-letter slug for a title in any script ("Відновлювальний шампунь" →
    "vidnovliuvalnyi-shampun"), so translated pages get readable, translated URLs."""
    return slugify(anyascii(title))[:limit].strip("-")


# The old name, kept for the migrations' imports.
GeneratedOgImageMixin = SeoPageMixin
