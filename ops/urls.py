from django.urls import path

from .feedback import feedback_view

urlpatterns = [path("feedback/", feedback_view, name="ops_feedback_send")]
