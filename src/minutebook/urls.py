"""URL routes: the admin for officers, the portal for everyone else."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("minutebook.portal.urls")),
]
