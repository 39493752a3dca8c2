"""People with one identity across spellings, initials and roles."""

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.people"
    label = "people"
