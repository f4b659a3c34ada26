from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="index"),
    path("kalendarz.ics", views.CalendarFeedView.as_view(), name="calendar"),
    path(
        "kalendarz/<slug:audience>.ics",
        views.CalendarFeedView.as_view(),
        name="calendar-audience",
    ),
    path("archiwum/<int:year>/", views.EventYearArchiveView.as_view(), name="archive-year"),
    path("podglad/<int:pk>/", views.EventPreviewView.as_view(), name="preview"),
    path("<slug:slug>.ics", views.EventCalendarFileView.as_view(), name="calendar-file"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
