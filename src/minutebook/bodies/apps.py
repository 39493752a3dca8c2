"""Boards, panels, sub-groups and the posts their people hold."""

from django.apps import AppConfig


class BodiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.bodies"
    label = "bodies"
