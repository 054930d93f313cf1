"""Admin home panel: last backup (age, size), last restore drill, warnings."""

from wagtail.admin.ui.components import Component

from . import backups


class BackupStatusPanel(Component):
    name = "ops_backups"
    order = 40
    template_name = "ops/admin/backup_panel.html"

    def get_context_data(self, parent_context):
        return {"status": backups.status()}
