"""Media storage on S3 whose uploads never overwrite one another."""

import posixpath
from pathlib import PurePosixPath

from django.utils.crypto import get_random_string
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class UniqueNameS3Storage(S3Storage):
    """S3 has no "create if absent" in django-storages, so "does the name exist?" races:
    two uploads of one name both see it free and the later PUT replaces the earlier file.
    Every upload gets a random suffix instead, decided without asking the bucket."""

    def get_alternative_name(self, file_root, file_ext):
        # 12 of 62 characters: no two uploads of one name meet in practice.
        return f"{file_root}_{get_random_string(12)}{file_ext}"

    def get_available_name(self, name, max_length=None):
        name = clean_name(name)
        directory, file_name = posixpath.split(name)
        extension = "".join(PurePosixPath(file_name).suffixes)
        unique = posixpath.join(directory, self.get_alternative_name(file_name.removesuffix(extension), extension))
        # Django's loop still validates the name and shortens it to max_length.
        return super().get_available_name(unique, max_length)

    def is_name_available(self, name, max_length=None):
        return not (max_length and len(name) > max_length)


def save_exact(storage, name, content):
    """Write `content` under exactly `name` (restores, and caches keyed by their content),
    where `storage.save()` would pick a fresh name. Returns the name written."""
    if storage.exists(name):
        storage.delete(name)
    return storage._save(name, content)
