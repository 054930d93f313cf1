from django.urls import path

from .feedback import feedback_view
from .privacy_views import erase_view, export_view, privacy_view

urlpatterns = [
    path("feedback/", feedback_view, name="ops_feedback_send"),
    path("privacy/", privacy_view, name="ops_privacy"),
    path("privacy/export/", export_view, name="ops_privacy_export"),
    path("privacy/erase/", erase_view, name="ops_privacy_erase"),
]
