"""SEO helpers shared by every page type."""

from functools import cached_property

from django.urls import reverse
from wagtailseo import utils as seo_utils


class GeneratedOgImageMixin:
    """Put before SeoMixin: when the editor chose no OpenGraph image (and there is
    no site default), point og:image at a generated picture of the title."""

    @cached_property
    def seo_image_url(self):
        from .og_image import image_key

        base_url = seo_utils.get_absolute_media_url(self.get_site())
        image = self.seo_image
        if image:
            return seo_utils.ensure_absolute_url(image.get_rendition("original").url, base_url)
        key = image_key(self.seo_pagetitle, self.seo_sitename)
        url = reverse("og-image", kwargs={"page_id": self.pk, "key": key})
        root = self.get_site().root_url if self.get_site() else ""
        return seo_utils.ensure_absolute_url(url, root)
