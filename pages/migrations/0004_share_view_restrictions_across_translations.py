"""Restrictions set before privacy followed translations: a page whose translation
group has a restricted member and which has none itself gets that member's restrictions."""

from django.db import migrations


def share_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Restriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in Restriction.objects.select_related("page").order_by("page__depth", "pk"):
        source = restriction.page
        group = Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
        group_ids = set(group.values_list("pk", flat=True))
        group_ids |= set(Page.objects.filter(alias_of_id__in=group_ids | {source.pk}).values_list("pk", flat=True))
        group_ids.discard(source.pk)
        restricted = set(Restriction.objects.filter(page_id__in=group_ids).values_list("page_id", flat=True))
        for page_id in sorted(group_ids - restricted):
            copy = Restriction.objects.create(
                page_id=page_id, restriction_type=restriction.restriction_type, password=restriction.password
            )
            copy.groups.set(restriction.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_page_types_and_menus"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(share_restrictions, migrations.RunPython.noop)]
