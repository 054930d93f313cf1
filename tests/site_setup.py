"""Build what the migrations would have built, for test databases created with
--no-migrations: the four locales, Wagtail's root collection and root page, our home page
and the Site."""

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Collection, Locale, Page, Site


def ensure_migrations_table():
    # wagtail-localize queries django_migrations, which --no-migrations does not create.
    MigrationRecorder(connection).ensure_schema()


def ensure_site_structure():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Collection.get_first_root_node() is None:  # wagtailcore's migration 0013 creates it
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific

    from pages.models import HomePage

    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = root.add_child(instance=HomePage(title="Home", slug="home", locale=Locale.get_default()))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Studio Aurora")
    return home
