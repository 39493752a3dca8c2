"""What the storing of one document carries around: its evidence and its tally.

Every fact stored from a document is `cite`d: that queues its `Provenance`
row (page, line span, raw text) and counts it. The queue is written in one
bulk insert at the end, and the set of cited facts is what a corrected
re-publication compares against to find what it withdrew.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from minutebook.documents.models import Provenance, SourceDocument
from minutebook.importer import values
from minutebook.ingest.source import ReadDocument

RAW_TEXT_LIMIT = 4000

#: Summary names of the record kinds counted per document.
COUNTED = {
    "meetings.meeting": "meetings",
    "actions.action": "actions",
    "decisions.decision": "decisions",
}


@dataclass
class StoreContext:
    document: SourceDocument
    read: ReadDocument
    warnings: list[str] = field(default_factory=list)
    people: set[int] = field(default_factory=set)
    _cited: dict[tuple[int, int], Provenance] = field(default_factory=dict)
    _models: dict[int, type[models.Model]] = field(default_factory=dict)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def span(
        self, fact: dict[str, Any] | None, fallback: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """A fact's own line span, or its enclosing fact's when it gives none."""
        own = values.span(fact.get("span")) if isinstance(fact, dict) else None
        return own or fallback

    def cite(
        self,
        obj: models.Model,
        span: tuple[int, int] | None,
        *,
        confidence: float | None = None,
    ) -> None:
        """Queue the evidence that `obj` was read at `span` of this document (first citation wins)."""
        content_type = ContentType.objects.get_for_model(obj)
        key = (content_type.pk, obj.pk)
        if key in self._cited:
            return
        self._models[content_type.pk] = type(obj)
        first, last = span if span else (None, None)
        page = None
        if first is not None and self.read.paged and first <= len(self.read.lines):
            page = self.read.lines[first - 1].page
        raw = ""
        if first is not None:
            raw = "\n".join(line.text for line in self.read.lines[first - 1 : last])[
                :RAW_TEXT_LIMIT
            ]
        self._cited[key] = Provenance(
            content_type=content_type,
            object_id=obj.pk,
            document=self.document,
            page=page,
            first_line=first,
            last_line=last,
            raw_text=raw,
            confidence=confidence,
        )

    def note_person(self, person: Any) -> None:
        if person is not None:
            self.people.add(person.pk)

    @property
    def cited(self) -> set[tuple[int, int]]:
        return set(self._cited)

    def counts(self) -> dict[str, int]:
        """Facts stored from this document, by kind ("meetings", "actions", ... and app.model labels)."""
        tally: Counter[str] = Counter()
        for content_type_id, _ in self._cited:
            tally[self._models[content_type_id]._meta.label_lower] += 1
        out = {COUNTED.get(label, label): n for label, n in sorted(tally.items())}
        out["people"] = len(self.people)
        return out

    def flush(self) -> None:
        """Write the queued provenance, and un-withdraw facts this version states again.

        A fact merged into another while the document was stored (an action
        met twice) no longer exists; its evidence is not written.
        """
        by_model: dict[type[models.Model], list[int]] = {}
        for content_type_id, pk in self._cited:
            by_model.setdefault(self._models[content_type_id], []).append(pk)
        gone: set[tuple[int, int]] = set()
        for model, pks in by_model.items():
            manager = model._default_manager
            content_type_id = ContentType.objects.get_for_model(model).pk
            alive = set(manager.filter(pk__in=pks).values_list("pk", flat=True))
            gone.update((content_type_id, pk) for pk in pks if pk not in alive)
            if any(f.name == "withdrawn" for f in model._meta.get_fields()):
                manager.filter(pk__in=pks, withdrawn=True).update(withdrawn=False)
        for key in gone:
            del self._cited[key]
        Provenance.objects.bulk_create(self._cited.values(), ignore_conflicts=True)
