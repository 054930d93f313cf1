"""The routes of a BookingPage (BookingPage.subpage_urlconf): the wizard's steps, the booking
POST, the done, manage and "my bookings" pages. Each view is called as `view(page, request, ...)`."""

from django.urls import path

from . import wizard

urlpatterns = [
    path("", wizard.wizard, name="wizard"),
    path("book/", wizard.book, name="book"),
    path("done/<str:token>/", wizard.done, name="done"),
    path("my/", wizard.my_bookings, name="my_bookings"),
    path("manage/<str:token>/", wizard.manage, name="manage"),
]
