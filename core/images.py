"""Image uploads: a picture with too many pixels is refused with a message in the
form (never a 500), whether Wagtail's pixel check or Pillow's decompression-bomb
guard notices it first. WAGTAILIMAGES_IMAGE_FORM_BASE points here."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def too_many_pixels():
    return ValidationError(
        _("This image has too many pixels. The most an image may have is %(max)s megapixels.")
        % {"max": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000},
        code="file_too_many_pixels",
    )


def header_pixels(upload):
    """Width x height x frames read from the file's headers only (nothing decoded), or None.
    Frames count because Willow's Pillow plugin reports one frame for an animated GIF,
    WebP or PNG, so Wagtail's own check lets a small many-frame animation through."""
    if not hasattr(upload, "seek"):
        return None
    position = upload.tell()
    try:
        with PILImage.open(upload) as image:
            width, height = image.size
            try:
                frames = getattr(image, "n_frames", 1)
            except Exception:  # noqa: BLE001  a damaged later frame: Wagtail's own checks answer
                frames = 1
        return width * height * frames
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return float("inf")
    except Exception:  # noqa: BLE001  not an image Pillow knows: Wagtail's own checks answer
        return None
    finally:
        upload.seek(position)


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        # Before Wagtail (through Willow) decodes the whole picture into memory.
        pixels = header_pixels(data) if data else None
        if pixels is not None and pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise too_many_pixels()
        try:
            return super().to_python(data)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise too_many_pixels() from None
        except (OSError, SyntaxError, ValueError):  # Pillow on a damaged or cut-off file
            raise ValidationError(
                _("This file is not a valid image (it may be damaged or incomplete)."), code="invalid_image"
            ) from None


class ImageForm(BaseImageForm):
    file = SafeImageField(label=capfirst(_("file")))
