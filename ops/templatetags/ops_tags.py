from django import template

from ..feedback import FeedbackForm, started_token

register = template.Library()


@register.inclusion_tag("ops/feedback_widget.html", takes_context=True)
def feedback_widget(context):
    """The floating feedback button and form (one include in base.html)."""
    request = context.get("request")
    page = context.get("page")
    form = FeedbackForm(
        initial={
            "page_url": request.get_full_path() if request else "",
            "page_id": getattr(page, "pk", None) if hasattr(page, "get_url_parts") else None,
            "started": started_token(),
        }
    )
    return {"feedback_form": form, "request": request, "csrf_token": context.get("csrf_token")}


@register.filter
def duration_hours(value):
    """A timedelta as whole hours."""
    return int(value.total_seconds() // 3600) if value is not None else ""
