"""Numbered decision records and the places minutes cite them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from minutebook.core.models import Fact


class Decision(Fact):
    body = models.ForeignKey(
        "bodies.Body", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    number = models.CharField(max_length=50, help_text="As printed: 'CPCC 2018-012'.")
    number_key = models.CharField(max_length=50, help_text="Folded: 'CPCC2018-012'.")
    year = models.PositiveIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    subject = models.TextField(blank=True)
    decision_text = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    contact_officer = models.CharField(max_length=500, blank=True)
    background_papers = models.JSONField(default=list, blank=True)
    signed_by_text = models.CharField(max_length=255, blank=True)
    signed_by = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions_signed",
    )
    published_on = models.DateField(null=True, blank=True)
    notified_to_panel_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-sequence", "number_key"]
        constraints = [
            # A decision is found by its number however it is printed ("CPCC 2018-012" = "CPCC2018-012").
            models.UniqueConstraint(fields=["number_key"], name="decision_number_unique"),
        ]
        indexes = [
            # Citations without the prefix ("decision 2018-012") match on year and sequence.
            models.Index(fields=["year", "sequence"], name="decision_year_sequence_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.subject[:80]}" if self.subject else self.number

    def get_absolute_url(self) -> str:
        return reverse("portal:decision", kwargs={"public_id": self.public_id})


class DecisionExemptPart(models.Model):
    """The part of a decision withheld from the public, kept apart so no public view can leak it."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="exempt_part")
    text = models.TextField()
    paragraph = models.CharField(
        max_length=100, blank=True, help_text="Exemption ground, if stated."
    )

    class Meta:
        verbose_name = "exempt part (not public)"

    def __str__(self) -> str:
        return f"Exempt part of {self.decision.number}"


class DecisionCitation(Fact):
    """Minutes citing a decision: kept with the raw text even before the decision is known."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision_citations",
    )
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_citations",
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="citations"
    )
    raw_number = models.CharField(max_length=100, blank=True)
    number_key = models.CharField(max_length=50, blank=True)
    year = models.PositiveIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    raw_item = models.CharField(max_length=50, blank=True)
    text = models.TextField(blank=True, help_text="What the minutes say about it.")

    class Meta:
        ordering = ["meeting", "pk"]
        indexes = [
            # Linking waiting citations when a decision record arrives.
            models.Index(fields=["number_key"], name="citation_number_idx"),
            models.Index(fields=["year", "sequence"], name="citation_year_sequence_idx"),
        ]

    def __str__(self) -> str:
        return self.raw_number or self.text[:80]
