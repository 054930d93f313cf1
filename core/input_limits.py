"""Form fields and Wagtail's choosers refuse values the database or date arithmetic cannot hold.

Patches applied once from CoreConfig.ready(): they reach fields and views of Wagtail, Oscar and
Django's admin that the project does not define. The plain parsing of visitor input is in parsing.py.
"""

from datetime import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import chooser as page_chooser
from wagtail.admin.views.generic.chooser import ChosenMultipleViewMixin
from wagtail.images.views.chooser import BaseImageChooseView
from wagtail.models import Page

from .parsing import EARLIEST, LATEST


def limit_form_dates():
    """Every form date and date-time field, ours and those of Wagtail, Oscar and Django's
    admin, accepts only [EARLIEST, LATEST]. Django accepts 0001-01-01…9999-12-31, and
    the edges overflow later, far from the form (Oscar's order filter turns 0001-01-01
    in Berlin into a UTC instant before year 1). Called once from CoreConfig.ready()."""

    for field_class in (forms.DateField, forms.DateTimeField):
        original = field_class.to_python
        if getattr(original, "limited_to_range", False):
            continue

        def to_python(self, value, _original=original):
            result = _original(self, value)
            day = result.date() if isinstance(result, datetime) else result
            if day is not None and not EARLIEST <= day <= LATEST:
                raise ValidationError(
                    _("Please choose dates between %(first)s and %(last)s."),
                    code="out_of_range",
                    params={"first": EARLIEST, "last": LATEST},
                )
            return result

        to_python.limited_to_range = True
        field_class.to_python = to_python


def readable_pks(model, values):
    """The values that can be a primary key of `model` ("abc", a number beyond any database
    integer and the like cannot: the ORM would raise ValueError or OverflowError)."""
    field = model._meta.pk
    readable = []
    for value in values:
        try:
            pk = field.to_python(value)
        except (ValidationError, ValueError, TypeError):
            continue
        if pk is None or (isinstance(pk, int) and not -(2**63) <= pk < 2**63):
            continue
        readable.append(value)
    return readable


def limit_chooser_ids():
    """Wagtail's "chosen multiple" views (images, documents, snippets, pages) pass every `id`
    of the query string to the ORM; one unreadable id answered 500. Now it is left out and
    the readable ones are chosen. Called once from CoreConfig.ready()."""
    for view_class, model_of in (
        (ChosenMultipleViewMixin, lambda view: view.model_class),
        (page_chooser.ChosenMultipleView, lambda view: Page),
    ):
        original = view_class.get
        if getattr(original, "limited_to_readable_ids", False):
            continue

        def get(self, request, *args, _original=original, _model_of=model_of, **kwargs):
            ids = request.GET.getlist("id")
            readable = readable_pks(_model_of(self), ids)
            if readable != ids:
                request.GET = request.GET.copy()
                request.GET.setlist("id", readable)
            return _original(self, request, *args, **kwargs)

        get.limited_to_readable_ids = True
        view_class.get = get


def search_images_by_tag():
    """Wagtail's image chooser filters by `?tag=` on the tags relation, and a search (`?q=`)
    over that queryset fails (FilterFieldError: "name" is no FilterField of Image's tags):
    a 500 for any tag and query together. The tag filter becomes a filter on ids, which
    every search backend takes. Called once from CoreConfig.ready()."""
    if getattr(BaseImageChooseView.filter_object_list, "tag_by_ids", False):
        return

    def filter_object_list(self, objects):
        tag_name = self.request.GET.get("tag")
        if tag_name:
            objects = objects.filter(pk__in=objects.model.objects.filter(tags__name=tag_name).values("pk"))
        return super(BaseImageChooseView, self).filter_object_list(objects)

    filter_object_list.tag_by_ids = True
    BaseImageChooseView.filter_object_list = filter_object_list


def read_admin_initial_dates():
    """Django's admin fills an add form from the query string (`?start=…`) and hands the
    raw text to date and time widgets, which expect dates: any value there answered 500
    ('str' object has no attribute 'utcoffset'). Such values are now read as the form
    field reads them, and left out when they are not a date or time in range. Called
    once from CoreConfig.ready()."""
    original = admin.ModelAdmin.get_changeform_initial_data
    if getattr(original, "reads_dates", False):
        return

    def get_changeform_initial_data(self, request):
        initial = original(self, request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(value, str) and isinstance(field, models.DateField | models.TimeField):
                try:
                    initial[name] = field.formfield().to_python(value)
                except ValidationError:
                    del initial[name]
        return initial

    get_changeform_initial_data.reads_dates = True
    admin.ModelAdmin.get_changeform_initial_data = get_changeform_initial_data
