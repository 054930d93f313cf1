"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.hooks import REGISTER_CONTENT_LISTING
from core.localize import localized_pages


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "pages/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(label=_("Button label"))
    button_page = blocks.PageChooserBlock(required=False, label=_("Button links to page"))
    button_url = blocks.URLBlock(required=False, label=_("…or to URL"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "pages/blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("button_page")
        context["button_page"] = localized_pages([page]).get(page.pk) if page else None
        return context


class ImageTextBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "h3"], label=_("Text"))
    image_position = blocks.ChoiceBlock(
        choices=[("left", _("Image on the left")), ("right", _("Image on the right"))],
        default="left",
        label=_("Image position"),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Image and text")
        template = "pages/blocks/image_text.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Answer"))


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("FAQ accordion")
        template = "pages/blocks/faq.html"


class CardBlock(blocks.StructBlock):
    image = ImageChooserBlock(required=False, label=_("Image"))
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    link_page = blocks.PageChooserBlock(required=False, label=_("Links to page"))


class CardsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=12, label=_("Cards"))

    class Meta:
        icon = "table"
        label = _("Cards grid")
        template = "pages/blocks/cards.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        links = localized_pages(card.get("link_page") for card in value["cards"])
        context["cards"] = [
            {"card": card, "link_page": links.get(card["link_page"].pk) if card.get("link_page") else None}
            for card in value["cards"]
        ]
        return context


def listing_choices():
    """What other apps can list on a page (e.g. the booking app's services and team), from the
    `register_content_listing` hook: each returns [(key, label, render(context) -> HTML)]."""
    return [(key, label) for key, label, _render in content_listings()]


def content_listings():
    return [listing for fn in hooks.get_hooks(REGISTER_CONTENT_LISTING) for listing in fn()]


class ListingBlock(blocks.StructBlock):
    """A list kept elsewhere (services with prices, team members), rendered by the app that owns it,
    so the page never holds a second copy of names or prices."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    source = blocks.ChoiceBlock(choices=listing_choices, label=_("List"))

    class Meta:
        icon = "list-ul"
        label = _("List from the booking system")
        template = "pages/blocks/listing.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        renderers = {key: render for key, _label, render in content_listings()}
        render = renderers.get(value.get("source"))
        context["listing_html"] = render(parent_context or {}) if render else ""
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        label=_("Paragraph"),
        template="pages/blocks/paragraph.html",
    )
    image = ImageBlock()
    image_text = ImageTextBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    cards = CardsBlock()
    listing = ListingBlock()
    embed = EmbedBlock(label=_("Embed (video, map…)"), icon="media", template="pages/blocks/embed.html")
