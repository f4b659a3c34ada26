from django.urls import path

from . import views
from .feeds import LatestPostsFeed

app_name = "news"

urlpatterns = [
    path("", views.PostListView.as_view(), name="index"),
    path("rss/", LatestPostsFeed(), name="feed"),
    path("kategoria/<slug:slug>/", views.CategoryPostListView.as_view(), name="category"),
    path("podglad/<int:pk>/", views.PostPreviewView.as_view(), name="preview"),
    path("<int:year>/", views.YearPostListView.as_view(), name="archive-year"),
    path("<slug:slug>/", views.PostDetailView.as_view(), name="detail"),
]
