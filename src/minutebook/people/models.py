"""People, every way their names are printed, the seats they hold, and doubtful matches."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from minutebook.core.models import Record


class Person(Record):
    display_name = models.CharField(max_length=255)
    sort_name = models.CharField(max_length=255, blank=True, help_text="Surname first, for lists.")

    class Meta:
        ordering = ["sort_name", "display_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.display_name


class PersonName(models.Model):
    """One way a person is printed; the importer matches on `key`."""

    class Kind(models.TextChoices):
        FULL = "full", "Full name"
        INITIAL_SURNAME = "initial_surname", "Initial and surname"
        SURNAME = "surname", "Surname"
        INITIALS = "initials", "Initials"
        HONORIFIC = "honorific", "With honorific"
        FORMER = "former", "Former name"
        OTHER = "other", "Other"

    # no index of its own: personname_once_per_person leads with it
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="names", db_index=False
    )
    name = models.CharField(max_length=255, help_text="As printed.")
    key = models.CharField(max_length=255, help_text="Folded: case, honorifics, punctuation.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FULL)

    class Meta:
        ordering = ["person", "kind", "name"]
        indexes = [
            # Name resolution looks a printed name up by its folded key.
            models.Index(fields=["key"], name="personname_key_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "key", "kind"], name="personname_once_per_person"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Memberships held on `on` (today by default): started by then, not ended before."""
        on = on or datetime.date.today()
        return self.filter(Q(start__isnull=True) | Q(start__lte=on)).filter(
            Q(end__isnull=True) | Q(end__gte=on)
        )


class Membership(Record):
    """A person's seat: a post ("Chief Constable") or a place on a body, for a period.

    Imported memberships are `observed`: start and end are the first and last
    meeting dates the person was seen in the seat, widened as more papers
    arrive. `recorded` ones are entered by a person and may stay open-ended.
    """

    class Basis(models.TextChoices):
        OBSERVED = "observed", "Observed in papers"
        RECORDED = "recorded", "Recorded by a person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    # no index of its own: membership_body_period_idx leads with it
    body = models.ForeignKey(
        "bodies.Body",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        db_index=False,
    )
    # no index of its own: membership_post_period_idx leads with it
    post = models.ForeignKey(
        "bodies.Post",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        db_index=False,
    )
    role = models.CharField(max_length=255, blank=True, help_text="As printed: 'Chairperson'.")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    basis = models.CharField(max_length=20, choices=Basis.choices, default=Basis.RECORDED)
    provenance = GenericRelation("documents.Provenance")

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        indexes = [
            # "Who held this post on that day?": resolving "the Chief Constable".
            models.Index(fields=["post", "start", "end"], name="membership_post_period_idx"),
            # "Who sat on this body then?": the candidates a surname is resolved among.
            models.Index(fields=["body", "start", "end"], name="membership_body_period_idx"),
        ]
        constraints = [
            # A period cannot end before it starts.
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            ),
            # A membership is a seat on a body or a post (or both: a post on a body).
            models.CheckConstraint(
                condition=Q(body__isnull=False) | Q(post__isnull=False),
                name="membership_has_body_or_post",
            ),
        ]

    def __str__(self) -> str:
        seat = self.post or self.body
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else ""
        return f"{self.person}: {seat} ({start} - {end})"


class PersonMatchReview(Record):
    """A doubtful match of a printed name to a person, left for a person to confirm.

    The importer never guesses silently: when a name or role could be more
    than one person (or only loosely matches one), the fact keeps the raw
    text, its person stays empty, and this row says who it might be.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    raw_text = models.CharField(max_length=500, help_text="The name or role as printed.")
    on_date = models.DateField(null=True, blank=True)
    context = models.CharField(max_length=500, blank=True, help_text="Where the name appeared.")
    # no index of its own: review_once_per_fact_field leads with it
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, db_index=False)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(
        max_length=50, help_text="The person field of the fact a confirmation fills in."
    )
    suggested = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggested_in_reviews",
    )
    confidence = models.FloatField(default=0.0)
    candidates = models.JSONField(
        default=list, blank=True, help_text="Other people it might be: [{id, name}]."
    )
    document = models.ForeignKey(
        "documents.SourceDocument", null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmed_in_reviews",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        indexes = [
            # The review queue: open items first.
            models.Index(fields=["status", "created_at"], name="review_queue_idx"),
        ]
        constraints = [
            # One review per person field of a fact, so a re-import updates rather than repeats it.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name"],
                name="review_once_per_fact_field",
            ),
        ]

    def __str__(self) -> str:
        guess = f" -> {self.suggested}?" if self.suggested_id else ""
        return f"{self.raw_text}{guess} ({self.get_status_display()})"
