"""Recommendations made to an office holder and the responses."""

from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutebook.recommendations"
    label = "recommendations"
