"""Recommendations a body makes to an office holder, and the responses."""

from __future__ import annotations

from django.db import models

from minutebook.core.models import Fact


class Recommendation(Fact):
    body = models.ForeignKey(
        "bodies.Body", on_delete=models.PROTECT, related_name="recommendations"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="recommendations"
    )
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    raw_item = models.CharField(max_length=50, blank=True)
    to_text = models.CharField(
        max_length=255, blank=True, help_text="As printed: 'the Commissioner'."
    )
    # no index of its own: recommendation_to_date_idx leads with it
    to_post = models.ForeignKey(
        "bodies.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        db_index=False,
    )
    text = models.TextField()
    date = models.DateField()

    class Meta:
        ordering = ["-date", "pk"]
        indexes = [
            # "Recommendations to the Commissioner still awaiting a response", by date.
            models.Index(fields=["to_post", "date"], name="recommendation_to_date_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Response(Fact):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responses"
    )
    date = models.DateField(null=True, blank=True)
    text = models.TextField()
    source = models.CharField(
        max_length=255, blank=True, help_text="Where it was given: 'letter of 3 Dec'."
    )

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"Response of {self.date}" if self.date else "Response"
