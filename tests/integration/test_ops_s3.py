"""S3 media through django-storages, against a local moto server on 127.0.0.1."""

import io
import os
import runpy
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings" / "base.py"
BUCKET = "studio-media-test"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_settings(moto_endpoint, settings, monkeypatch):
    """The settings base.py produces when the AWS variables are set, applied to this test."""
    env = {
        **CREDENTIALS,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": moto_endpoint,
        "AWS_S3_REGION_NAME": "eu-central-1",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    produced = runpy.run_path(str(BASE_SETTINGS))
    client = boto3.client("s3", endpoint_url=moto_endpoint, region_name="eu-central-1", **_lower(CREDENTIALS))
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    for key in produced:
        if key.startswith("AWS_"):
            setattr(settings, key, produced[key])
    settings.STORAGES = {**settings.STORAGES, "default": produced["STORAGES"]["default"]}
    yield client
    for obj in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=obj["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def root_collection(db):
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _lower(credentials):
    return {k.lower(): v for k, v in credentials.items()}


def keys(client):
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), (200, 40, 80)).save(buffer, "PNG")
    return buffer.getvalue()


def test_settings_switch_to_s3_only_when_a_bucket_is_set(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    local = runpy.run_path(str(BASE_SETTINGS))
    assert local["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "bucket")
    s3 = runpy.run_path(str(BASE_SETTINGS))
    assert s3["STORAGES"]["default"]["BACKEND"] == "core.storages.UniqueNameS3Storage"
    assert s3["AWS_S3_FILE_OVERWRITE"] is False and s3["AWS_DEFAULT_ACL"] is None and s3["AWS_QUERYSTRING_AUTH"]


def test_images_and_renditions_go_to_the_bucket(s3_settings, home_page, settings, root_collection):
    from wagtail.images.models import Image

    image = Image.objects.create(title="Salon", file=ImageFile(io.BytesIO(png_bytes()), name="salon.png"))
    rendition = image.get_rendition("fill-100x100")
    stored = keys(s3_settings)
    assert image.file.name in stored and rendition.file.name in stored
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, image.file.name))
    url = rendition.url
    assert url.startswith(s3_settings.meta.endpoint_url) and "X-Amz-Signature=" in url  # private bucket, signed URL


def test_no_overwrites(s3_settings):
    first = default_storage.save("documents/price-list.pdf", ContentFile(b"%PDF one"))
    second = default_storage.save("documents/price-list.pdf", ContentFile(b"%PDF two"))
    assert first != second
    body = s3_settings.get_object(Bucket=BUCKET, Key=first)["Body"].read()
    assert body == b"%PDF one"


def test_simultaneous_uploads_of_one_name_never_overwrite_each_other(s3_settings):
    """Six uploads of one file name at once, five rounds: every stored file keeps its own bytes."""
    uploads, rounds = 6, 5
    barrier = threading.Barrier(uploads)

    def upload(index):
        stored = []
        for round_ in range(rounds):
            body = f"%PDF upload {index} round {round_} ".encode() * 50
            barrier.wait()  # all six start each round together
            stored.append((default_storage.save("documents/report.pdf", ContentFile(body)), body))
        return stored

    with ThreadPoolExecutor(uploads) as pool:
        results = [item for stored in pool.map(upload, range(uploads)) for item in stored]
    names = [name for name, _ in results]
    assert len(set(names)) == uploads * rounds
    assert len(keys(s3_settings)) == uploads * rounds
    for name, body in results:
        assert s3_settings.get_object(Bucket=BUCKET, Key=name)["Body"].read() == body, name
    assert all(name.startswith("documents/report_") and name.endswith(".pdf") for name in names)


def test_long_names_are_shortened_to_fit_the_field(s3_settings):
    name = default_storage.save("documents/" + "x" * 120 + ".pdf", ContentFile(b"%PDF long"), max_length=100)
    assert len(name) <= 100 and name.startswith("documents/xxx") and name.endswith(".pdf")
    assert s3_settings.get_object(Bucket=BUCKET, Key=name)["Body"].read() == b"%PDF long"


def test_private_documents_are_served_through_wagtail(
    s3_settings, client, home_page, django_user_model, root_collection
):
    from wagtail.documents.models import Document
    from wagtail.models import CollectionViewRestriction

    collection = root_collection.add_child(name="Staff only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = Document.objects.create(
        title="Price list", collection=collection, file=ContentFile(b"%PDF-1.4 staff prices", name="prices.pdf")
    )
    assert document.file.name in keys(s3_settings)
    url = document.url
    assert url.startswith("/documents/")  # never a bucket URL
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    user = django_user_model.objects.create_user(email="staff@example.com", password="pw-123456789")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 staff prices"
