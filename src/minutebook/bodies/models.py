"""Bodies that meet (boards, panels, sub-groups) and the posts people hold."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from minutebook.core.models import Record


class Body(Record):
    class Classification(models.TextChoices):
        BOARD = "board", "Board"
        PANEL = "panel", "Panel"
        SUB_GROUP = "sub-group", "Sub-group"
        COMMITTEE = "committee", "Committee"
        OTHER = "other", "Other"

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    classification = models.CharField(
        max_length=20, choices=Classification.choices, default=Classification.OTHER
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The body this one reports to (a sub-group's board).",
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:body", kwargs={"slug": self.slug})


class BodyAlias(models.Model):
    """One way a body is written; `key` is the folded form every lookup uses."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=255)
    key = models.CharField(max_length=255)

    class Meta:
        ordering = ["body", "alias"]
        verbose_name_plural = "body aliases"
        constraints = [
            # A folded name resolves to exactly one body ("BCB", "Business
            # Co-ordination Board" and "Business Coordination Board" share one).
            models.UniqueConstraint(fields=["key"], name="bodyalias_key_unique"),
        ]

    def __str__(self) -> str:
        return self.alias


class Post(Record):
    """A seat ("Chief Constable"), held by different people over time."""

    title = models.CharField(max_length=255)
    organisation = models.CharField(max_length=255, blank=True)
    key = models.CharField(
        max_length=255, help_text="Folded title and organisation class; one post per key."
    )
    single_holder = models.BooleanField(
        default=True,
        help_text="One person at a time (Chief Constable), unlike Assistant Chief Constable.",
    )

    class Meta:
        ordering = ["title"]
        constraints = [
            # The importer finds or creates a post by its folded title and organisation.
            models.UniqueConstraint(fields=["key"], name="post_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.organisation}" if self.organisation else self.title


class PostAlias(models.Model):
    """One way a post is written ("CC", "the Commissioner", "PCC CFO")."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=255)
    key = models.CharField(max_length=255)

    class Meta:
        ordering = ["post", "alias"]
        verbose_name_plural = "post aliases"
        indexes = [
            # Resolving "the Chief Constable" looks a role up by its folded form; a
            # bare "Chief Finance Officer" may name two posts, so the key is not unique.
            models.Index(fields=["key"], name="postalias_key_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["post", "key"], name="postalias_once_per_post"),
        ]

    def __str__(self) -> str:
        return self.alias
