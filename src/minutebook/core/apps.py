"""Shared foundations: the abstract record base and provenance helpers."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.core"
    label = "core"
