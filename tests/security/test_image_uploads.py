"""An image with too many pixels (a 400-megapixel "decompression bomb" or merely a
huge photo) is refused with a message in the upload form, never a 500."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection


def png(width, height):
    """A tiny file that claims width x height pixels (what an attacker uploads)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.fixture
def editor(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    return client, root


@pytest.mark.parametrize("size", [(20000, 20000), (8000, 6000)])  # 400 MP (Pillow's bomb guard), 48 MP (our limit)
def test_huge_images_are_refused_with_a_message(editor, size):
    client, root = editor
    upload = SimpleUploadedFile("huge.png", png(*size), content_type="image/png")
    response = client.post("/admin/images/add/", {"title": "Huge", "collection": root.pk, "file": upload})
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode(), response.context["form"].errors
    assert not get_image_model().objects.exists()


def test_the_multiple_upload_refuses_them_too(editor):
    client, root = editor
    upload = SimpleUploadedFile("huge.png", png(20000, 20000), content_type="image/png")
    response = client.post("/admin/images/multiple/add/", {"files[]": upload, "collection": root.pk})
    assert response.status_code == 200
    assert response.json()["success"] is False and "too many pixels" in response.json()["error_message"]


def test_a_damaged_image_is_refused_with_a_message(editor):
    client, root = editor
    upload = SimpleUploadedFile("cut.png", png(800, 600), content_type="image/png")  # claims pixels it lacks
    response = client.post("/admin/images/add/", {"title": "Cut", "collection": root.pk, "file": upload})
    assert response.status_code == 200
    assert "not a valid image" in response.content.decode()


def test_an_animation_counts_every_frame(editor):
    """15 frames of 2000 x 2000 are 60 megapixels (a 60 KB file), over the 40 MP limit."""
    client, root = editor
    out = io.BytesIO()
    frames = [Image.new("L", (2000, 2000), (n * 37) % 256) for n in range(15)]
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    upload = SimpleUploadedFile("anim.gif", out.getvalue(), content_type="image/gif")
    response = client.post("/admin/images/add/", {"title": "Anim", "collection": root.pk, "file": upload})
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
