from django.urls import path

from .feedback import feedback_view
from .privacy_views import erase_view, export_view, privacy_view
from .twofactor import second_factor_required

urlpatterns = [
    path("feedback/", feedback_view, name="ops_feedback_send"),
    path("privacy/", second_factor_required(privacy_view), name="ops_privacy"),
    path("privacy/export/", second_factor_required(export_view), name="ops_privacy_export"),
    path("privacy/erase/", second_factor_required(erase_view), name="ops_privacy_erase"),
]
