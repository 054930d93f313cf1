"""Admin form validation for venues and staff: overlapping hours, limits, date ranges.

The checks read the inline formsets, so the editor sees the message next to the
rows they typed, before anything is saved. They take the limits and weekday names from the
formsets (the panels' max_num, the rows' model), so this module imports no model and the
models name their forms directly."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .availability import TimeRange, overlapping_ranges


def _live_forms(formset):
    formset.is_valid()  # ClusterForm cleans the parent form first; make sure rows are cleaned
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        yield form, data


def check_ranges(formset):
    """Every row of WeeklyHours ends after it starts; rows of one weekday do not overlap."""
    start_field, end_field = formset.model.start_field, formset.model.end_field
    names = dict(formset.model._meta.get_field("weekday").choices)
    by_day = {}
    for form, data in _live_forms(formset):
        start, end, weekday = data.get(start_field), data.get(end_field), data.get("weekday")
        if start is None or end is None or weekday is None:
            continue
        if not start < end:
            form.add_error(
                end_field, _("The end must be later than the start (ranges past midnight are not supported).")
            )
            continue
        by_day.setdefault(weekday, []).append((TimeRange(start, end), form))
    for weekday, rows in by_day.items():
        for first, second in overlapping_ranges(r for r, _form in rows):
            form = next(f for r, f in rows if r is second)
            form.add_error(
                start_field,
                _("%(day)s %(a)s overlaps %(b)s on the same day. Merge the two ranges or make them not overlap.")
                % {
                    "day": names[weekday],
                    "a": f"{second.start:%H:%M}–{second.end:%H:%M}",
                    "b": f"{first.start:%H:%M}–{first.end:%H:%M}",
                },
            )


def check_date_ranges(formset):
    """Every row of DayRange ends on or after its first day."""
    for form, data in _live_forms(formset):
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            form.add_error("last_day", _("The last day cannot be before the first day."))


def _count_and_limit(formset):
    """The rows the editor keeps, and the panel's max_num (VenuePage's InlinePanels)."""
    return sum(1 for _ in _live_forms(formset)), formset.max_num


class VenuePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        check_ranges(self.formsets["opening_hours"])
        check_date_ranges(self.formsets["closures"])
        errors = []
        faqs, limit = _count_and_limit(self.formsets["faqs"])
        if faqs > limit:
            errors.append(
                _("A venue can have at most %(limit)d FAQs; you entered %(count)d. Remove some.")
                % {"limit": limit, "count": faqs}
            )
        members, limit = _count_and_limit(self.formsets["team_members"])
        if members > limit:
            errors.append(
                _("A venue can show at most %(limit)d team members; you entered %(count)d. Remove some.")
                % {"limit": limit, "count": members}
            )
        if errors:
            raise ValidationError(errors)
        return cleaned


class StaffForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        check_ranges(self.formsets["working_hours"])
        check_date_ranges(self.formsets["time_off"])
        return cleaned
