"""Admin views of ops (Wagtail admin)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import queries, stats
from .forms import DateRangeForm
from .permissions import can_view_statistics


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Visitors for a date range: daily table and chart, top pages, referrers, CSV export."""

    template_name = "ops/admin/statistics.html"
    page_title = _("Statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = DateRangeForm(request.GET if "start" in request.GET else None, initial=DateRangeForm.default_range())
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        else:
            start, end = DateRangeForm.default_range().values()
        report = queries.report(start, end, pages_limit=50) if not form.errors else None
        if report and request.GET.get("format") == "csv":
            response = HttpResponse(
                stats.csv_text(report["series"], report["pages"], report["referrers"]),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = f'attachment; filename="visitors-{start}-{end}.csv"'
            return response
        context = self.get_context_data(form=form, report=report, start=start, end=end)
        if report:
            context["chart"] = stats.chart_bars(report["series"], width=800, height=140)
        return self.render_to_response(context)
