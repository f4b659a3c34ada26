from django.urls import path

from . import views

app_name = "osl"

urlpatterns = [
    path("", views.ProgrammeListView.as_view(), name="index"),
    path("<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
]
