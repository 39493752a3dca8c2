"""Numbered decision records and the notices sent to the Panel."""

from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.decisions"
    label = "decisions"
