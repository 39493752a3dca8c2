"""Turns extracted papers into stored, linked records."""

from django.apps import AppConfig


class ImporterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.importer"
    label = "importer"
