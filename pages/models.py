from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtailseo.models import SeoMixin

from core.validators import validate_link_url

from . import contact
from .blocks import BodyBlock
from .contact import add_honeypot
from .seo import SeoPageMixin


class IntroBodyPage(SeoPageMixin, SeoMixin, Page):
    """A title, an introduction and a flexible body (the fields of HomePage and StandardPage)."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(BodyBlock(), blank=True, use_json_field=True, verbose_name=_("body"))

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    """The root of each language tree."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(IntroBodyPage):
    """About, services overview, team…: a title, an introduction and a flexible body."""

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class LegalPage(SeoPageMixin, SeoMixin, Page):
    """Imprint, privacy policy, terms."""

    body = RichTextField(verbose_name=_("text"))
    last_updated = models.DateField(null=True, blank=True, verbose_name=_("last updated"))

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("last_updated"), FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal page")


class ContactFormField(TranslatableMixin, AbstractFormField):
    # Translatable so wagtail-localize translates the labels with the page.
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]


class ContactPage(SeoPageMixin, SeoMixin, AbstractEmailForm):
    """A contact form built in the admin. Submissions are stored (Forms in the admin
    menu) and emailed to the owner by the background worker."""

    intro = RichTextField(blank=True, verbose_name=_("introduction"))
    address = models.TextField(blank=True, verbose_name=_("address"))
    map_url = models.URLField(blank=True, verbose_name=_("map link"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("phone"))
    thank_you_text = models.CharField(
        max_length=255,
        default="",
        blank=True,
        verbose_name=_("thank-you message"),
        help_text=_("Shown after sending. Leave empty for the standard message."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("map_url"), FieldPanel("phone")], heading=_("Address")),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("Email to the site owner"),
        ),
    ]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        # Editing the page is not enough to read what visitors sent (pages/wagtail_hooks.py).
        permissions = [("view_form_submissions", _("Can read contact form submissions"))]

    def get_form(self, *args, **kwargs):
        return add_honeypot(super().get_form(*args, **kwargs))

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        outcome = contact.handle_submission(self, request, form)
        if outcome.accepted:
            messages.success(request, self.thank_you_text or contact.DEFAULT_THANKS)
            return HttpResponseRedirect(self.get_url(request))
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=outcome.status)

    def send_mail(self, form):
        contact.queue_owner_email(self, form)


class MenuLocation(models.TextChoices):
    HEADER = "header", _("Header")
    FOOTER = "footer", _("Footer")


class Menu(TranslatableMixin, ClusterableModel):
    """A header or footer menu; translated per locale with wagtail-localize."""

    location = models.CharField(max_length=20, choices=MenuLocation.choices, verbose_name=_("location"))

    panels = [FieldPanel("location"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [
            models.UniqueConstraint(fields=["location", "locale"], name="one_menu_per_location_and_locale"),
        ]

    def __str__(self):
        return f"{self.get_location_display()} ({self.locale})"


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(max_length=80, verbose_name=_("label"))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    link_url = models.CharField(
        max_length=255, blank=True, verbose_name=_("…or URL"), help_text=_("For links outside the page tree.")
    )

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if not self.link_page and not self.link_url:
            raise ValidationError(_("Choose a page or enter a URL."))
        try:
            validate_link_url(self.link_url)
        except ValidationError as error:
            raise ValidationError({"link_url": error}) from None
