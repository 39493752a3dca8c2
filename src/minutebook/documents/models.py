"""Source documents, the provenance of every fact, and the record of import runs."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from minutebook.core.models import Record


class SourceDocument(Record):
    class Status(models.TextChoices):
        CURRENT = "current", "Current"
        SUPERSEDED = "superseded", "Superseded"

    class Kind(models.TextChoices):
        AGENDA = "agenda", "Agenda"
        PACK = "pack", "Agenda pack"
        MINUTES = "minutes", "Minutes"
        DECISION = "decision", "Decision record"
        OTHER = "other", "Other"

    name = models.CharField(max_length=255, help_text="File name as published.")
    path = models.CharField(max_length=1000, blank=True, help_text="Where it was imported from.")
    sha256 = models.CharField(max_length=64, unique=True)
    media_type = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    publication_key = models.CharField(
        max_length=255,
        blank=True,
        help_text="What the document publishes (e.g. minutes|<body>|<date>); a later file "
        "with the same key is a corrected re-publication.",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveBigIntegerField(default=0, help_text="Bytes.")
    text = models.TextField(blank=True, help_text="The extracted text that line numbers refer to.")
    imported_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CURRENT)
    supersedes = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
        help_text="The earlier version of the same publication this one replaces.",
    )

    class Meta:
        ordering = ["-imported_at"]
        indexes = [
            # Finding the earlier version of a re-published file by its name.
            models.Index(fields=["name", "status"], name="sourcedoc_name_status_idx"),
            # Finding the earlier version by what it publishes (same meeting and kind).
            models.Index(fields=["publication_key", "status"], name="sourcedoc_pubkey_status_idx"),
        ]

    def __str__(self) -> str:
        suffix = "" if self.status == self.Status.CURRENT else " (superseded)"
        return f"{self.name}{suffix}"

    def get_absolute_url(self) -> str:
        return reverse("portal:document", kwargs={"public_id": self.public_id})

    def line_text(self, first_line: int, last_line: int) -> str:
        """The extracted text of lines first..last (1-based, inclusive)."""
        lines = self.text.split("\n")
        return "\n".join(lines[max(first_line - 1, 0) : last_line])


class Provenance(models.Model):
    """Where one stored fact was read: a document version, a page and a line span.

    Generic, so every kind of fact shares one evidence table and one query
    ("what did this document tell us?" / "where does this fact come from?").
    """

    # No index of its own: provenance_once_per_document leads with it. No constraint in the
    # database either, as for object_id, the generic relation's other half: content types are
    # Django's own rows, and deleting one still cascades here through the ORM. The database
    # would otherwise check a third of all the foreign keys an import writes, at every commit.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, db_index=False, db_constraint=False
    )
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="provenance"
    )
    page = models.PositiveIntegerField(null=True, blank=True)
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    raw_text = models.TextField(blank=True)
    confidence = models.FloatField(
        null=True, blank=True, help_text="The parser's confidence, 0-1, when it gave one."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "provenance"
        constraints = [
            # One evidence row per fact per document version keeps re-imports idempotent.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "document"],
                name="provenance_once_per_document",
            ),
            models.CheckConstraint(
                condition=models.Q(last_line__gte=models.F("first_line"))
                | models.Q(last_line__isnull=True)
                | models.Q(first_line__isnull=True),
                name="provenance_span_ordered",
            ),
        ]

    def __str__(self) -> str:
        where = f"lines {self.first_line}-{self.last_line}" if self.first_line else "whole document"
        page = f", page {self.page}" if self.page else ""
        return f"{self.document.name}, {where}{page}"


class ImportRun(models.Model):
    """One run of `minutebook import`, so a person can see what a run did."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    paths = models.JSONField(default=list, help_text="The paths as given on the command line.")
    inserted = models.PositiveIntegerField(default=0, help_text="New documents stored.")
    updated = models.PositiveIntegerField(default=0, help_text="Documents that replaced a version.")
    unchanged = models.PositiveIntegerField(default=0, help_text="Documents already stored.")
    failed = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Import run {self.started_at:%Y-%m-%d %H:%M}"


class ImportRunFile(models.Model):
    class Outcome(models.TextChoices):
        INSERTED = "inserted", "Inserted"
        UNCHANGED = "unchanged", "Unchanged"
        REPLACED = "replaced", "Replaced an earlier version"
        FAILED = "failed", "Failed"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="files")
    path = models.CharField(max_length=1000)
    sha256 = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reason = models.TextField(blank=True, help_text="Why it failed, in one line.")
    document = models.ForeignKey(
        SourceDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_files",
    )
    counts = models.JSONField(default=dict, blank=True, help_text="Records stored, by kind.")
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["run", "id"]

    def __str__(self) -> str:
        return f"{self.path}: {self.outcome}"
