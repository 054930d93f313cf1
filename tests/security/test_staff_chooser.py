"""A venue-scoped user (a staff member with admin access) finds only their own
venue's staff in the staff chooser; staff managers find everyone."""

from django.contrib.auth.models import Permission

from tests.booking_fixtures import make_service, make_staff, make_venue


def test_the_staff_chooser_is_scoped_to_the_users_venues(client, home_page, django_user_model, admin_user):
    mitte = make_venue(home_page, slug="mitte")
    kreuzberg = make_venue(home_page, slug="kreuzberg")
    haircut = make_service("Haircut", 60)
    anna = make_staff(mitte, "Anna Mitte", [haircut])
    karl = make_staff(kreuzberg, "Karl Kreuzberg", [haircut])
    user = django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    anna.user = user
    anna.save()

    client.force_login(user)
    for url in ("/admin/snippets/choose/booking/staff/", "/admin/snippets/choose/booking/staff/results/?q=Kreuzberg"):
        html = client.get(url).content.decode()
        assert "Karl Kreuzberg" not in html
    assert "Anna Mitte" in client.get("/admin/snippets/choose/booking/staff/").content.decode()
    chosen = client.get(f"/admin/snippets/choose/booking/staff/chosen/{karl.pk}/")
    # not found (Django's LocaleMiddleware turns an admin 404 into a redirect)
    assert chosen.status_code in (302, 404) and b"Karl" not in chosen.content
    # The multiple-choice answer (ids in the query string) is scoped the same way.
    multiple = client.get(f"/admin/snippets/choose/booking/staff/chosen-multiple/?id={karl.pk}&id={anna.pk}")
    assert b"Karl" not in multiple.content and b"Anna Mitte" in multiple.content
    # Ids that no row can have (not a number, past the database's integer range) choose nothing, not a 500.
    for bad in ("x", "99999999999999999999", "-1"):
        odd = client.get(f"/admin/snippets/choose/booking/staff/chosen-multiple/?id={bad}&id={anna.pk}")
        assert odd.status_code == 200 and b"Anna Mitte" in odd.content

    client.force_login(admin_user)
    html = client.get("/admin/snippets/choose/booking/staff/").content.decode()
    assert "Karl Kreuzberg" in html and "Anna Mitte" in html
