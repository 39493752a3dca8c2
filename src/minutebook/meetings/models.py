"""Meetings and what happens in them: items, minutes, attendance, declarations."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from minutebook.core.models import Fact


class Outcome(models.TextChoices):
    NOTED = "noted", "Noted"
    APPROVED = "approved", "Approved"
    AGREED = "agreed", "Agreed"
    RESOLVED = "resolved", "Resolved"
    DEFERRED = "deferred", "Deferred"
    OTHER = "other", "Other"


class Meeting(Fact):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    # no index of its own: meeting_once_per_body_per_day leads with it
    body = models.ForeignKey(
        "bodies.Body", on_delete=models.PROTECT, related_name="meetings", db_index=False
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    minutes_status = models.CharField(
        max_length=20,
        choices=MinutesStatus.choices,
        blank=True,
        help_text="Empty while no minutes are known.",
    )
    next_meeting_date = models.DateField(null=True, blank=True)
    next_meeting_time = models.TimeField(null=True, blank=True)
    next_meeting_location = models.CharField(max_length=500, blank=True)
    documents = models.ManyToManyField(
        "documents.SourceDocument", through="MeetingDocument", related_name="meetings", blank=True
    )

    class Meta:
        ordering = ["-date", "body"]
        constraints = [
            # The natural key the importer matches a meeting on: one body meets at most once a day,
            # so an agenda pack and the later minutes become one meeting.
            models.UniqueConstraint(fields=["body", "date"], name="meeting_once_per_body_per_day"),
        ]
        indexes = [
            # Calendars and "meetings of this body, latest first".
            models.Index(fields=["body", "-date"], name="meeting_body_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.body.name}, {self.date:%d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("portal:meeting", kwargs={"public_id": self.public_id})


class MeetingDocument(models.Model):
    class Role(models.TextChoices):
        AGENDA = "agenda", "Agenda"
        PACK = "pack", "Agenda pack"
        MINUTES = "minutes", "Minutes"
        OTHER = "other", "Other"

    # no index of its own: meetingdocument_once_per_role leads with it
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="meeting_documents", db_index=False
    )
    document = models.ForeignKey(
        "documents.SourceDocument", on_delete=models.CASCADE, related_name="meeting_documents"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["meeting", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "document", "role"], name="meetingdocument_once_per_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.document.name}"


class MinutesApproval(Fact):
    """Append-only: the minutes of one meeting approved at another (with any correction).

    Recorded from the approving meeting's paper, which names the earlier
    meeting by date only; `minutes_of` is linked when that meeting is known.
    """

    # no index of its own: approval_once_per_meeting leads with it
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="approvals_given",
        db_index=False,
    )
    minutes_of = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="approvals"
    )
    minutes_of_date = models.DateField()
    correction = models.TextField(blank=True)

    class Meta:
        ordering = ["approved_at__date"]
        constraints = [
            models.UniqueConstraint(
                fields=["approved_at", "minutes_of_date"], name="approval_once_per_meeting"
            ),
        ]
        indexes = [
            # Linking pending approvals when the earlier meeting arrives.
            models.Index(fields=["minutes_of_date"], name="approval_minutes_of_date_idx"),
        ]

    def __str__(self) -> str:
        return f"Minutes of {self.minutes_of_date} approved at {self.approved_at}"


class AgendaItem(Fact):
    # no index of its own: agendaitem_meeting_number_idx leads with it
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", db_index=False
    )
    order = models.PositiveIntegerField(default=0)
    number = models.CharField(max_length=30, blank=True, help_text="As printed: '10.6', '4 (b)'.")
    number_key = models.CharField(
        max_length=60, blank=True, help_text="Folded number for matching."
    )
    title = models.TextField(blank=True)
    presenter = models.CharField(max_length=255, blank=True)
    presenter_person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items_presented",
    )
    pages = models.CharField(max_length=50, blank=True, help_text="Pages in the pack: '15 - 34'.")
    report_document = models.ForeignKey(
        "documents.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    exempt = models.BooleanField(default=False)
    exempt_paragraph = models.CharField(
        max_length=100,
        blank=True,
        help_text="Paragraph of Schedule 12A, Local Government Act 1972.",
    )
    outcome = models.TextField(blank=True, help_text="As printed.")
    outcome_kind = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    class Meta:
        ordering = ["meeting", "order"]
        indexes = [
            # Actions and log entries cite "item 10.6 of the meeting of <date>".
            models.Index(fields=["meeting", "number_key"], name="agendaitem_meeting_number_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class MinuteParagraph(Fact):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.CharField(max_length=30, blank=True)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["item", "order"]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}".strip()


class Attendance(Fact):
    class Kind(models.TextChoices):
        PRESENT = "present", "Present"
        IN_ATTENDANCE = "in_attendance", "In attendance"
        APOLOGIES = "apologies", "Apologies"
        SUBSTITUTE = "substitute", "Substitute"

    # no index of its own: attendance_once_per_name leads with it
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", db_index=False
    )
    # no index of its own: attendance_person_idx leads with it
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendance",
        db_index=False,
    )
    raw_name = models.CharField(
        max_length=255, blank=True, help_text="As printed; empty for a role alone."
    )
    name_key = models.CharField(
        max_length=255, help_text="Folded name (or role) the row merges on."
    )
    role = models.CharField(max_length=500, blank=True)
    organisation = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    substitute_for = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substituted_by",
    )
    substitute_for_raw = models.CharField(max_length=255, blank=True)
    note = models.CharField(max_length=255, blank=True, help_text="'left at 3pm'.")

    class Meta:
        ordering = ["meeting", "kind", "pk"]
        constraints = [
            # Attendance rows merge on meeting, kind and name, so a re-import updates in place.
            models.UniqueConstraint(
                fields=["meeting", "kind", "name_key"], name="attendance_once_per_name"
            ),
        ]
        indexes = [
            # "Which meetings did this person attend?"
            models.Index(fields=["person", "kind"], name="attendance_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.raw_name or self.role} ({self.get_kind_display()})"


class Declaration(Fact):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declarations",
    )
    raw_name = models.CharField(max_length=255, blank=True)
    raw_item = models.CharField(max_length=100, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return f"{self.raw_name}: {self.text[:60]}"
