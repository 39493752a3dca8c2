"""Actions raised at meetings and the dated updates of every meeting that reviewed them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from minutebook.core.models import Fact


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    ON_GOING = "on-going", "On-going"
    CLOSED = "closed", "Closed"


class Action(Fact):
    # no index of its own: action_reference_idx and others leads with it
    body = models.ForeignKey(
        "bodies.Body", on_delete=models.PROTECT, related_name="actions", db_index=False
    )
    reference = models.CharField(max_length=50, blank=True, help_text="As printed: 'Action 3.0'.")
    reference_key = models.CharField(max_length=50, blank=True)
    raised_at = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions_raised",
        help_text="Empty while the raising meeting is known only from a log entry.",
    )
    raised_on = models.DateField(null=True, blank=True, help_text="The raising meeting's date.")
    raised_under = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    raw_item = models.CharField(max_length=50, blank=True, help_text="Item number as printed.")
    item_key = models.CharField(max_length=60, blank=True)
    text = models.TextField()
    owner = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    owner_text = models.CharField(max_length=255, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_text = models.CharField(
        max_length=255, blank=True, help_text="As printed: 'July 2024 Board'."
    )
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions_closed",
    )

    class Meta:
        ordering = ["raised_on", "pk"]
        indexes = [
            # A log entry cites "Agenda Item 10.6, 28th February 2019 Board meeting".
            models.Index(fields=["body", "raised_on", "item_key"], name="action_raised_item_idx"),
            # Fallback link of a log entry by its reference ("Action 3.0").
            models.Index(fields=["body", "reference_key"], name="action_reference_idx"),
            # The open-actions list of a body.
            models.Index(fields=["body", "status"], name="action_body_status_idx"),
        ]

    def __str__(self) -> str:
        ref = f"Action {self.reference}: " if self.reference else ""
        return f"{ref}{self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("portal:action", kwargs={"public_id": self.public_id})


class ActionUpdate(Fact):
    """Append-only: what one meeting's action log said about an action."""

    # no index of its own: actionupdate_once_per_meeting leads with it
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="updates", db_index=False
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="action_updates"
    )
    date = models.DateField()
    text = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    raw_reference = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            # One update per action per reviewing meeting, so a re-import updates in place.
            models.UniqueConstraint(
                fields=["action", "meeting"], name="actionupdate_once_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_status_display()}"
