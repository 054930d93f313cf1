from django.contrib.contenttypes.fields import GenericRelation
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from .hooks import REGISTER_BANNER_AREAS, REGISTER_ROBOTS_TXT_RULES
from .validators import validate_link_url


class User(AbstractUser):
    """The one account model for customers, staff, Wagtail editors and the Django admin.

    Email is the login (Oscar's AbstractUser). It exists from the first migration
    because swapping AUTH_USER_MODEL later is not possible.
    """

    # The address this person has proven to own (by opening a signed link sent to
    # it), lower-cased. Guest bookings, orders, feedback and form submissions under an
    # address belong to the account only while `email` is this proven address.
    verified_email = models.EmailField(blank=True, default="", verbose_name=_("verified email address"))

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")


class BannerSeverity(models.TextChoices):
    INFO = "info", _("Information")
    SUCCESS = "success", _("Success")
    WARNING = "warning", _("Warning")
    CRITICAL = "critical", _("Critical")


class BannerTarget(models.TextChoices):
    SITE = "site", _("Whole site")
    SUBTREE = "subtree", _("A page and its sub-pages")


def banner_areas():
    """The areas other apps declare (core.banners.BannerArea, the `register_banner_areas` hook)."""
    return [area for fn in hooks.get_hooks(REGISTER_BANNER_AREAS) for area in fn()]


def banner_target_choices():
    return [*BannerTarget.choices, *((area.name, area.label) for area in banner_areas())]


class Banner(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """An announcement shown at the top of public pages (a snippet; translated with wagtail-localize)."""

    title = models.CharField(max_length=120, verbose_name=_("internal title"), help_text=_("Only shown in the admin."))
    message = RichTextField(features=["bold", "italic", "link"], verbose_name=_("message"))
    # A chosen page renders in the visitor's language (core/localize.py); a URL is for anything else.
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Links to page"),
    )
    link_url = models.CharField(max_length=255, blank=True, verbose_name=_("link URL"))
    link_label = models.CharField(max_length=80, blank=True, verbose_name=_("link text"))
    severity = models.CharField(
        max_length=10, choices=BannerSeverity.choices, default=BannerSeverity.INFO, verbose_name=_("severity")
    )
    starts_at = models.DateTimeField(null=True, blank=True, verbose_name=_("show from"))
    ends_at = models.DateTimeField(null=True, blank=True, verbose_name=_("show until"))
    priority = models.IntegerField(default=0, verbose_name=_("priority"), help_text=_("Higher shows first."))
    target = models.CharField(
        max_length=10, choices=banner_target_choices, default=BannerTarget.SITE, verbose_name=_("show on")
    )
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
        help_text=_("For “A page and its sub-pages”."),
    )
    dismissible = models.BooleanField(default=True, verbose_name=_("visitors can close it"))
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="banner")

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_label")]),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("priority"), FieldPanel("dismissible")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Schedule")),
        FieldRowPanel([FieldPanel("target"), FieldPanel("target_page")], heading=_("Where")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("announcement banner")
        verbose_name_plural = _("announcement banners")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.target == BannerTarget.SUBTREE and not self.target_page_id:
            errors["target_page"] = _("Choose the page whose section shows this banner.")
        if self.link_label and not self.link_url and not self.link_page_id:
            errors["link_url"] = _("Enter the address the link text points to.")
        try:
            validate_link_url(self.link_url)
        except ValidationError as error:
            errors["link_url"] = error
        if errors:
            raise ValidationError(errors)


@checks.register()
def banner_areas_fit_the_target_field(app_configs, **kwargs):
    """Each area another app declares is stored in Banner.target: its name is new and fits the column
    (else saving a banner for it fails on PostgreSQL). Reported by `manage.py check`, at every start."""
    limit = Banner._meta.get_field("target").max_length
    errors, seen = [], set(BannerTarget.values)
    for area in banner_areas():
        if len(area.name) > limit or area.name in seen:
            errors.append(
                checks.Error(
                    f"register_banner_areas: the area name {area.name!r} is taken or longer than {limit} characters",
                    hint="Give the BannerArea a short name of its own (it is stored in Banner.target).",
                    id="core.E001",
                )
            )
        seen.add(area.name)
    return errors


def default_robots_txt():
    """The rules a new site starts with: the admin, search, and what other apps keep out
    of search engines (the `register_robots_txt_rules` hook)."""
    rules = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/"]
    rules += [rule for fn in hooks.get_hooks(REGISTER_ROBOTS_TXT_RULES) for rule in fn()]
    return "\n".join([*rules, "Disallow: /*/search/"])


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Settings → Site settings in the admin."""

    maintenance_mode = models.BooleanField(
        default=False,
        verbose_name=_("maintenance mode"),
        help_text=_("Visitors get a “back soon” page; signed-in staff still see the site."),
    )
    max_banners = models.PositiveSmallIntegerField(
        default=2, verbose_name=_("banners shown at once"), validators=[MaxValueValidator(5)]
    )

    robots_txt = models.TextField(
        default=default_robots_txt,
        blank=True,
        verbose_name=_("robots.txt rules"),
        help_text=_("The sitemap line is added automatically."),
    )

    panels = [FieldPanel("maintenance_mode"), FieldPanel("max_banners"), FieldPanel("robots_txt")]

    class Meta:
        verbose_name = _("site settings")
