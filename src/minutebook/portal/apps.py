"""The public site."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.portal"
    label = "portal"
