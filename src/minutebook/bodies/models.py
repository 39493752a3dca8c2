"""Bodies that meet (boards, panels, sub-groups) and the posts people hold."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from minutebook.bodies.names import organisation_key, police_area_key
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
    organisation = models.CharField(
        max_length=255,
        blank=True,
        help_text="The organisation the body belongs to, as its papers print it "
        '("Police and Crime Commissioner for Marchmoor"); blank while unknown.',
    )
    organisation_key = models.CharField(
        max_length=255,
        blank=True,
        editable=False,
        help_text="The area the organisation names (`names.organisation_key`): two bodies of "
        "one name are one body only in one area.",
    )

    class Meta:
        ordering = ["name", "organisation"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def save(self, *args, **kwargs) -> None:
        """Keep the organisation key in step with the printed organisation, however it was set
        (the importer, the admin, a shell): matching trusts the key."""
        self.organisation_key = organisation_key(self.organisation)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "organisation" in update_fields:
            kwargs["update_fields"] = {*update_fields, "organisation_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portal:body", kwargs={"slug": self.slug})

    @property
    def police_area(self) -> str:
        """The area of the posts its papers name (`names.police_area_key`); "" when unknown."""
        return police_area_key(self.name, self.organisation)


class BodyAlias(models.Model):
    """One way a body is written; `key` is the folded form every lookup uses."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=255)
    key = models.CharField(max_length=255)
    organisation_key = models.CharField(
        max_length=255,
        blank=True,
        default="",
        editable=False,
        help_text="The body's organisation key, copied: the key is unique within one area.",
    )

    class Meta:
        ordering = ["body", "alias"]
        verbose_name_plural = "body aliases"
        constraints = [
            # A folded name resolves to exactly one body of an area ("BCB", "Business
            # Co-ordination Board" and "Business Coordination Board" share one); two
            # Commissioners' boards of one name are two bodies.
            models.UniqueConstraint(
                fields=["key", "organisation_key"], name="bodyalias_key_unique_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return self.alias


class Post(Record):
    """A seat ("Chief Constable"), held by different people over time.

    A post belongs to an area, as bodies do: Cambridgeshire's Chief Constable
    and Marchmoor's are two seats, so "the Chief Constable" in one area's
    minutes never means the other's.
    """

    title = models.CharField(max_length=255)
    organisation = models.CharField(max_length=255, blank=True)
    key = models.CharField(
        max_length=255,
        help_text="Folded title and organisation class; one post per key in an area.",
    )
    area = models.CharField(
        max_length=255,
        blank=True,
        default="",
        help_text="The police area of the bodies the post was seen at (`Body.police_area`); "
        "blank where their papers name none.",
    )
    single_holder = models.BooleanField(
        default=True,
        help_text="One person at a time (Chief Constable), unlike Assistant Chief Constable.",
    )

    class Meta:
        ordering = ["title", "area"]
        constraints = [
            # The importer finds or creates a post by its folded title and organisation,
            # once in each area.
            models.UniqueConstraint(fields=["key", "area"], name="post_key_unique_per_area"),
        ]

    def __str__(self) -> str:
        seat = f"{self.title}, {self.organisation}" if self.organisation else self.title
        return f"{seat} ({self.area.title()})" if self.area else seat


class PostAlias(models.Model):
    """One way a post is written ("CC", "the Commissioner", "PCC CFO")."""

    # no index of its own: postalias_once_per_post leads with it
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="aliases", db_index=False)
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
