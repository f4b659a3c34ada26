from django.urls import path

from . import views

app_name = "hours"

urlpatterns = [
    path("", views.UnitListView.as_view(), name="index"),
]
