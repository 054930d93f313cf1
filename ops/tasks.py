"""Background jobs of ops (django-tasks, `db` backend)."""

from django_tasks import task

from . import recorder


@task(backend="db")
def prune_page_views():
    """Delete page views past the retention period (also `manage.py prune_stats`)."""
    return recorder.prune()
