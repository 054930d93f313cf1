"""Generated OpenGraph images: the page title on the brand background.

Pure Pillow; the result is cached in the default storage under og/ keyed by a
hash of what is drawn, so it is made once per title change. DejaVu fonts are
shipped in pages/fonts (they cover Latin and Cyrillic).
"""

import hashlib
import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BRAND = (190, 18, 60)  # Tailwind rose-700, the site's accent colour
FONTS = Path(__file__).resolve().parent / "fonts"


def image_key(title, site_name):
    return hashlib.sha256(f"v1|{title}|{site_name}".encode()).hexdigest()[:16]


def _wrap(draw, text, font, max_width):
    """Greedy word wrap by pixel width (long words are broken by characters)."""
    for width in range(40, 8, -2):
        lines = textwrap.wrap(text, width=width, break_long_words=True)
        if all(draw.textlength(line, font=font) <= max_width for line in lines):
            return lines
    return textwrap.wrap(text, width=8)


def render_og_image(title, site_name):
    """Return PNG bytes, 1200×630."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 18, WIDTH, HEIGHT], fill=(136, 19, 55))
    margin = 80
    size = 72
    while True:
        font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), size)
        lines = _wrap(draw, title, font, WIDTH - 2 * margin)
        if len(lines) <= 4 or size <= 40:
            break
        size -= 8
    lines = lines[:4]
    line_height = int(size * 1.2)
    top = (HEIGHT - line_height * len(lines)) // 2 - 30
    for index, line in enumerate(lines):
        draw.text((margin, top + index * line_height), line, font=font, fill="white")
    small = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34)
    draw.text((margin, HEIGHT - 110), site_name, font=small, fill=(255, 228, 230))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
