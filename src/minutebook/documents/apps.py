"""Source documents and the provenance of every extracted fact."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.documents"
    label = "documents"
