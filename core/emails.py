"""The one way to send an email to a person: rendered in *their* language from
templates, as plain text plus HTML, and sent by a background task on the `db`
task backend (never inside the request).

Templates, for a `name` such as "shop/order_confirmation":
    templates/emails/<name>_subject.txt   one line
    templates/emails/<name>.txt           plain text body
    templates/emails/<name>.html          HTML body (optional)
A locale-specific variant wins when it exists: emails/<name>.<lang>.txt, etc.
Otherwise the template is rendered with that language active, so {% translate %} works.
"""

import base64
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import select_template
from django.utils import translation
from django_tasks import task


def _render(name, suffix, context, language, required=True):
    candidates = [f"emails/{name}.{language}{suffix}", f"emails/{name}{suffix}"]
    try:
        template = select_template(candidates)
    except TemplateDoesNotExist:
        if required:
            raise
        return None
    if suffix.endswith(".txt"):
        # Plain text (bodies and subjects) is never HTML-escaped: O'Brien, not O&#x27;Brien.
        return template.template.render(Context(context, autoescape=False))
    return template.render(context)


def render_email(name, context, language):
    """Return (subject, text, html_or_None) rendered in `language`."""
    with translation.override(language):
        subject = " ".join(_render(name, "_subject.txt", context, language).split())
        text = _render(name, ".txt", context, language)
        html = _render(name, ".html", context, language, required=False)
    return subject, text, html


def build_message(name, context, to, language, attachments=(), reply_to=None):
    subject, text, html = render_email(name, context, language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=[reply_to] if reply_to else None,
        headers={"Content-Language": language},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype, *content_id in attachments:
        if content_id and content_id[0]:
            # An inline image the HTML body shows as <img src="cid:…"> (mail clients block data: URIs).
            image = MIMEImage(content, _subtype=mimetype.split("/", 1)[1])
            image.add_header("Content-ID", f"<{content_id[0]}>")
            image.add_header("Content-Disposition", "inline", filename=filename)
            message.attach(image)
        else:
            message.attach(filename, content, mimetype)
    return message


@task(backend="db")
def send_email_task(name, context, to, language, attachments=(), reply_to=None):
    """Background task: `context` must be JSON-serialisable (ids, strings, numbers);
    attachments are (filename, base64 content, mimetype[, content id]): with a content id, an inline image."""
    decoded = [(filename, base64.b64decode(data), mimetype, *rest) for filename, data, mimetype, *rest in attachments]
    build_message(name, context, to, language, decoded, reply_to).send()


def queue_email(name, context, to, language, attachments=(), reply_to=None, run_after=None):
    """Queue an email on the background worker. Returns the task result. An attachment is
    (filename, content, mimetype), or (filename, image bytes, "image/png", content id) for an
    inline image that the HTML template shows with <img src="cid:content id">."""
    encoded = [
        (
            filename,
            base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
            mimetype,
            *rest,
        )
        for filename, content, mimetype, *rest in attachments
    ]
    task_ = send_email_task.using(run_after=run_after) if run_after else send_email_task
    return task_.enqueue(name, context, list(to), language, encoded, reply_to)
