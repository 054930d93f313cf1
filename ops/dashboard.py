"""Wagtail admin home panels of ops: visitors (today / 7 / 30 days, chart, top pages)."""

from wagtail.admin.ui.components import Component

from . import queries, stats


class VisitorsPanel(Component):
    name = "ops_visitors"
    order = 50
    template_name = "ops/admin/visitors_panel.html"

    def render_html(self, parent_context=None):
        # Like the shop and booking panels: nothing at all until there is data.
        if queries.dashboard_summary()["month"].views == 0:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        data = queries.dashboard_summary()
        return {
            "summary": data,
            "chart": stats.chart_bars(data["series"], width=600, height=100),
        }
