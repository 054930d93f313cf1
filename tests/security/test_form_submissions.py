"""Contact-form submissions (names, emails, messages) need their own permission:
editing the contact page is not enough to read them."""

from django.contrib.auth.models import Group, Permission
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission

from pages.models import ContactPage


def test_only_holders_of_the_permission_read_submissions(client, demo_site, django_user_model):
    contact = ContactPage.objects.get(locale__language_code="en")
    FormSubmission.objects.create(page=contact, form_data={"your_name": "Secret Sender", "email": "s@example.com"})
    editors = Group.objects.create(name="Page editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=editors, page=demo_site, permission_type="change")
    editor = django_user_model.objects.create_user(email="editor@example.com", password="pw-123456789")
    editor.groups.add(editors)
    client.force_login(editor)

    assert client.get(f"/admin/pages/{contact.pk}/edit/").status_code == 200  # may edit the page
    listing = client.get(f"/admin/forms/submissions/{contact.pk}/")
    assert listing.status_code in (302, 403) and b"Secret Sender" not in listing.content
    export = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert b"Secret Sender" not in export.content

    editor.user_permissions.add(Permission.objects.get(codename="view_form_submissions"))
    editor = django_user_model.objects.get(pk=editor.pk)  # fresh permission cache
    client.force_login(editor)
    assert b"Secret Sender" in client.get(f"/admin/forms/submissions/{contact.pk}/").content
