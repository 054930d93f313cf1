import io

from PIL import Image

from pages.og_image import HEIGHT, WIDTH, image_key, render_og_image


def test_og_image_is_a_1200_by_630_png_on_the_brand_background():
    data = render_og_image("Studio Aurora — стрижки, фарбування та догляд у Берліні", "Studio Aurora")
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.getpixel((5, 5)) == (190, 18, 60)
    # The title is drawn: plenty of white pixels.
    white = sum(1 for pixel in image.convert("RGB").tobytes()[::3] if pixel == 255)
    assert white > 2000


def test_a_very_long_title_still_fits():
    data = render_og_image("Haarschnitt " * 40, "Studio")
    assert Image.open(io.BytesIO(data)).size == (1200, 630)


def test_key_changes_with_title_and_site_name():
    assert image_key("A", "S") != image_key("B", "S") != image_key("B", "T")
    assert image_key("A", "S") == image_key("A", "S")
