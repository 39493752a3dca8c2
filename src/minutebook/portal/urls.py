"""The public site's pages."""

from django.urls import path

from minutebook.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("meetings/<uuid:public_id>/", views.meeting_detail, name="meeting"),
    path("actions/", views.action_list, name="actions"),
    path("actions/<uuid:public_id>/", views.action_detail, name="action"),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/<uuid:public_id>/", views.decision_detail, name="decision"),
    path("documents/<uuid:public_id>/", views.document_detail, name="document"),
    path("search/", views.search, name="search"),
]
