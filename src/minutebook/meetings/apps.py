"""Meetings, agenda items, attendance, declarations, minutes."""

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.meetings"
    label = "meetings"
