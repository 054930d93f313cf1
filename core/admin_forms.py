"""Naming a model's admin form by dotted path, so models need not import the admin layer.

Wagtail reads `Model.base_form_class` when it first builds the model's admin form. The admin
forms import the models (their constants, their querysets), so a model that imported its form
class would close an import cycle; with `FormByPath` it names the form as Django settings name
classes, and the form module is imported when the admin first asks for it.
"""

from django.utils.module_loading import import_string


class FormByPath:
    """`base_form_class = FormByPath("app.admin_forms.SomeForm")`: reading the attribute (on the
    class, as Wagtail does) gives the form class itself."""

    def __init__(self, path):
        self.path = path

    def __get__(self, instance, owner=None):
        return import_string(self.path)
