"""Privacy follows translations (wagtail-localize #317).

A view restriction (password, login, groups) belongs to the content, not to one
language's copy of it: whenever a restriction is added, changed or removed on a
page, every other page of its translation group (its translations and their
aliases) gets the same restrictions. A new translation or alias starts with its
source's restrictions. Wagtail's own checks then hold everywhere: serving asks
for the password or sign-in, and `.public()` (sitemap, search, og images) leaves
the private copies out.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

_syncing = ContextVar("restriction_sync", default=False)
_pages_being_deleted = ContextVar("pages_being_deleted", default=frozenset())


@contextmanager
def _quietly():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def shared_privacy_page_ids(page_id):
    """Ids of the pages that share `page_id`'s privacy (translations and aliases), itself excluded."""
    page = Page.objects.filter(pk=page_id).values("translation_key", "alias_of_id").first()
    if page is None:
        return set()
    ids = set(Page.objects.filter(translation_key=page["translation_key"]).values_list("pk", flat=True))
    if page["alias_of_id"]:
        ids.add(page["alias_of_id"])
    ids |= set(Page.objects.filter(alias_of_id__in=ids).values_list("pk", flat=True))
    ids.discard(page_id)
    return ids


def copy_restrictions(source_page_id, target_page_ids):
    """Give each target page exactly the source page's own view restrictions."""
    target_page_ids = set(target_page_ids) - {source_page_id}
    if not target_page_ids:
        return
    sources = list(PageViewRestriction.objects.filter(page_id=source_page_id).prefetch_related("groups"))
    Through = PageViewRestriction.groups.through
    with _quietly():
        PageViewRestriction.objects.filter(page_id__in=target_page_ids).delete()
        for source in sources:
            copies = PageViewRestriction.objects.bulk_create(
                [
                    PageViewRestriction(
                        page_id=target, restriction_type=source.restriction_type, password=source.password
                    )
                    for target in sorted(target_page_ids)
                ]
            )
            group_ids = [group.pk for group in source.groups.all()]
            if group_ids:
                if any(copy.pk is None for copy in copies):  # backends that do not return ids
                    copies = PageViewRestriction.objects.filter(page_id__in=target_page_ids)
                Through.objects.bulk_create(
                    [
                        Through(pageviewrestriction_id=copy.pk, group_id=group_id)
                        for copy in copies
                        for group_id in group_ids
                    ]
                )


def sync_from(page_id):
    copy_restrictions(page_id, shared_privacy_page_ids(page_id))


def restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw and not _syncing.get():
        sync_from(instance.page_id)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not _syncing.get():
        if isinstance(instance, PageViewRestriction):
            sync_from(instance.page_id)


def pages_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _pages_being_deleted.set(_pages_being_deleted.get() | {instance.pk})


def pages_deleted(sender, instance, **kwargs):
    # The base `Page` row goes last (after the specific row and the restrictions).
    if sender is Page:
        _pages_being_deleted.set(_pages_being_deleted.get() - {instance.pk})


def restriction_deleted(sender, instance, **kwargs):
    # A restriction removed because its page is being deleted leaves the translations private.
    if not _syncing.get() and instance.page_id not in _pages_being_deleted.get():
        sync_from(instance.page_id)


def translation_created(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page) and isinstance(source_obj, Page):
        copy_restrictions(source_obj.pk, {target_obj.pk})


def alias_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.alias_of_id:
        copy_restrictions(instance.alias_of_id, {instance.pk})


def connect():
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="privacy_restriction_saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="privacy_restriction_deleted")
    m2m_changed.connect(
        restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy_groups_changed"
    )
    pre_delete.connect(pages_deleting, dispatch_uid="privacy_pages_deleting")
    post_delete.connect(pages_deleted, dispatch_uid="privacy_pages_deleted")
    copy_for_translation_done.connect(translation_created, dispatch_uid="privacy_translation_created")
    post_save.connect(alias_created, dispatch_uid="privacy_alias_created")
