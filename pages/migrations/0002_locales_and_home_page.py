"""Create the four content locales and replace Wagtail's "Welcome" page with our HomePage."""

from django.conf import settings
from django.db import migrations


def create_locales_and_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("pages.HomePage")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    if HomePage.objects.exists():
        return
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    # Wagtail's initial migration creates a placeholder page with id 2; deleting
    # it also deletes the Site pointing at it.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="pages")
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        path=f"{root.path}{Page.objects.filter(depth=2).count() + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=default_locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Studio Aurora")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_locales_and_home, migrations.RunPython.noop)]
