"""What an import did to each file, and the totals a person or a script reads.

Plain Python, so that a run that finds nothing new can say so without
loading Django (see `importer.unchanged`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

#: A file's outcome: the values of `ImportRunFile.Outcome`, which a test keeps in step.
INSERTED = "inserted"
UNCHANGED = "unchanged"
REPLACED = "replaced"
FAILED = "failed"


@dataclass
class FileResult:
    path: str
    outcome: str  # one of the outcomes above
    reason: str = ""
    sha256: str = ""
    bad_input: bool = False  # failed because the file itself is missing or unreadable
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: Ids of the people the file identified (created or matched), and of those it created;
    #: the run's totals count each person once. Not part of `ImportSummary.as_dict`.
    people: frozenset[int] = frozenset()
    people_created: frozenset[int] = frozenset()
    #: (kind, id) of the meetings, actions and decisions the file stated, for the same reason.
    records: frozenset[tuple[str, int]] = frozenset()


#: FileResult fields kept out of the JSON summary.
_INTERNAL = ("people", "people_created", "records")


@dataclass
class ImportSummary:
    files: list[FileResult] = field(default_factory=list)
    #: The `ImportRun` recorded, or None when the run had nothing to record (every file
    #: already stored, or no file at all).
    run_id: int | None = None

    def totals(self) -> dict[str, int]:
        """Files by outcome and records stored, each record once however many files state
        it: "meetings", "actions", "decisions" and "people" (created or matched);
        "people_new" counts the people the run created."""
        outcomes = Counter(f.outcome for f in self.files)
        counts = Counter(kind for kind, _ in set().union(*(f.records for f in self.files)))
        people = set().union(*(f.people for f in self.files))
        created = set().union(*(f.people_created for f in self.files))
        return {
            "files": len(self.files),
            "inserted": outcomes[INSERTED],
            "replaced": outcomes[REPLACED],
            "unchanged": outcomes[UNCHANGED],
            "meetings": counts["meetings"],
            "actions": counts["actions"],
            "decisions": counts["decisions"],
            "people": len(people),
            "people_new": len(created),
            "warnings": sum(len(f.warnings) for f in self.files),
            "failures": outcomes[FAILED],
        }

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if f.outcome == FAILED]

    @property
    def exit_code(self) -> int:
        """0 all imported, 1 some failed, 2 nothing to import or every file was bad input."""
        failures = self.failures
        if not self.files or (
            failures and len(failures) == len(self.files) and all(f.bad_input for f in failures)
        ):
            return 2
        return 1 if failures else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "totals": self.totals(),
            "files": [
                {k: v for k, v in asdict(f).items() if k not in _INTERNAL} for f in self.files
            ],
            "run": self.run_id,
        }
