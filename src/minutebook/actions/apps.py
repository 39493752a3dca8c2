"""Actions raised at meetings and their dated updates."""

from django.apps import AppConfig


class ActionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.actions"
    label = "actions"
