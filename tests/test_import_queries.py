"""What importing costs in queries, so it cannot quietly grow back; and what a run reuses.

A run of imports reads bodies, posts and their holders once and reuses them for
every document (`importer.context.RunCache`); a document's new rows go in
one insert per table. The ceilings below are the counts measured on a
generated corpus plus a margin: a change that needs more queries should say
why here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from minutebook.actions.models import Action, ActionStatus, ActionUpdate
from minutebook.bodies.models import Body, Post
from minutebook.importer import store as store_module
from minutebook.importer.service import expand_paths, import_paths
from minutebook.meetings.models import Meeting, MeetingDocument
from minutebook.people.models import Membership
from minutebook.synth.generate import write_corpus
from tests.factories import decision_record, extract, item, minutes, person, read_document

pytestmark = pytest.mark.django_db

#: A set of minutes with attendance, items, paragraphs, actions, an action log and citations.
MINUTES = "bcb-2022-09-13-minutes.txt"

#: Queries measured on the generated corpus (seed 23, one body, one year), with a margin.
#: Under test each document's transaction is a savepoint: two statements more than in use.
MINUTES_ALONE = 55  # measured 42 in a run of its own (the run's reads and records included)
FIRST_DOCUMENT = 150  # measured 118: the standard posts, every person and seat are new
MINUTES_IN_RUN = 40  # measured 19-29 (before: 191-261, then 26-41)
PACK_IN_RUN = 65  # measured 10-48: the earlier minutes, the agenda, decision records
DECISION_IN_RUN = 10  # measured 7 (before: 20-21, then 10-11)
RUN = 700  # measured 543 for 26 documents (before: 3161, then 728)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder, bodies=1, years=1, seed=23, formats=("txt",))
    files, _ = expand_paths([folder])
    assert MINUTES in {f.name for f in files}
    return files


def queries_per_file(files: list[Path]) -> dict[str, int]:
    """Import `files` in one run; the queries each file cost (the run's bookkeeping aside)."""
    marks: list[int] = []
    with CaptureQueriesContext(connection) as captured:
        summary = import_paths(files, progress=lambda *_: marks.append(len(captured)))
    assert summary.exit_code == 0, [(f.path, f.reason) for f in summary.failures]
    return {f.name: marks[i + 1] - marks[i] for i, f in enumerate(files)}


def test_one_set_of_minutes_costs_few_queries(corpus, django_assert_max_num_queries):
    earlier = [f for f in corpus if f.name < MINUTES]
    import_paths(earlier)
    with django_assert_max_num_queries(MINUTES_ALONE):
        summary = import_paths([next(f for f in corpus if f.name == MINUTES)])
    assert [f.outcome for f in summary.files] == ["inserted"]
    assert summary.files[0].counts["meetings.minuteparagraph"] > 10


def test_every_document_of_a_run_costs_few_queries(corpus):
    cost = queries_per_file(corpus)
    first, *rest = corpus
    assert cost[first.name] <= FIRST_DOCUMENT
    ceilings = {"minutes": MINUTES_IN_RUN, "pack": PACK_IN_RUN, "decision": DECISION_IN_RUN}
    for f in rest:
        kind = next(k for k in ceilings if k in f.name)
        assert cost[f.name] <= ceilings[kind], (f.name, cost[f.name])
    assert sum(cost.values()) <= RUN


def test_importing_the_run_again_costs_a_few_queries_in_all(corpus):
    import_paths(corpus)
    with CaptureQueriesContext(connection) as captured:
        again = import_paths(corpus)
    assert {f.outcome for f in again.files} == {"unchanged"}
    assert len(captured) <= 6  # the known digests, the run's own record and its list of files


def test_a_failed_document_leaves_nothing_behind_for_the_next_one(tmp_path, monkeypatch):
    """The run's cache holds what the failed document created (a body, a post, seats): it is
    dropped with the rollback, so the next document creating them again succeeds."""
    papers = {
        "a.txt": extract(meetings=[minutes(date="2019-01-10", items=[item("1", "Welcome")])]),
        "b.txt": extract(
            meetings=[
                minutes(
                    body="Estates Sub-Group",
                    date="2019-02-10",
                    present=[person("Niki Howard", "Head of Estates, OPCC")],
                )
            ],
            decision_records=[decision_record("CPCC 2019-001")],
        ),
        "c.txt": extract(
            meetings=[
                minutes(
                    body="Estates Sub-Group",
                    date="2019-03-10",
                    present=[person("Niki Howard", "Head of Estates, OPCC")],
                )
            ]
        ),
    }
    for name in papers:
        (tmp_path / name).write_text(name)

    def broken(ctx, data):
        raise RuntimeError("the decision record broke")

    monkeypatch.setattr(store_module, "store_decision_record", broken)
    summary = import_paths(
        [tmp_path],
        reader=lambda path: read_document(path.name, path.read_text()),
        extractor=lambda read: papers[read.name],
    )
    assert [f.outcome for f in summary.files] == ["inserted", "failed", "inserted"]
    estates = Body.objects.get(name="Estates Sub-Group")
    assert Meeting.objects.get(date="2019-03-10").body == estates
    head = Post.objects.get(title="Head of Estates")
    assert Membership.objects.filter(post=head, person__display_name="Niki Howard").count() == 1
    assert Membership.objects.filter(body=estates).count() == 1


def latest_live_update(action: Action) -> tuple[str, int | None]:
    """(status, closing meeting) as the action's updates in the database say."""
    latest = action.updates.filter(withdrawn=False).order_by("-date", "-pk").first()
    if latest is None:
        return ActionStatus.OPEN, None
    return latest.status, latest.meeting_id if latest.status == ActionStatus.CLOSED else None


@pytest.mark.parametrize("order", [sorted, reversed], ids=["in order", "latest first"])
def test_a_run_keeps_every_status_as_the_updates_say(corpus, order):
    """The logs of a run take the actions they review, and the updates of the actions the run
    created, from what it holds (`actions.carry.ActionDays`): the statuses come out as a
    reading of every update would give them, whatever order the papers arrive in."""
    summary = import_paths(list(order(corpus)))
    assert summary.exit_code == 0
    actions = list(Action.objects.all())
    assert ActionUpdate.objects.count() > len(actions) / 2
    assert {a.status for a in actions} >= {ActionStatus.CLOSED, ActionStatus.ON_GOING}
    for action in actions:
        assert (action.status, action.closed_at_id) == latest_live_update(action), action


def test_later_logs_of_a_run_read_neither_actions_nor_updates(corpus):
    """Minutes reviewing actions raised earlier in the run read neither the actions by the days
    their logs cite nor the updates of those actions to refresh their statuses."""
    with CaptureQueriesContext(connection) as captured:
        import_paths(sorted(corpus))
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    by_day = [q for q in selects if 'FROM "actions_action"' in q and '"raised_on" IN' in q]
    updates = [q for q in selects if 'FROM "actions_actionupdate"' in q and '"action_id" IN' in q]
    assert ActionUpdate.objects.values("meeting").distinct().count() > 3  # logs were read
    assert (by_day, updates) == ([], [])


def test_minutes_stored_again_in_a_run_merge_into_the_rows_it_kept(corpus):
    """A pack prints the last meeting's minutes again: their attendance, declarations,
    approvals and action log merge into the rows the run kept, not into rows read back."""
    with CaptureQueriesContext(connection) as captured:
        summary = import_paths(sorted(corpus))
    assert summary.exit_code == 0
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    per_meeting = [
        q
        for q in selects
        for table, column in (
            ("meetings_attendance", "meeting_id"),
            ("meetings_declaration", "meeting_id"),
            ("meetings_minutesapproval", "approved_at_id"),
            ("actions_actionupdate", "meeting_id"),
        )
        if f'FROM "{table}"' in q and f'WHERE "{table}"."{column}" =' in q
    ]
    minutes_twice = (
        MeetingDocument.objects.filter(role=MeetingDocument.Role.MINUTES)
        .values("meeting")
        .annotate(papers=Count("document"))
        .filter(papers__gt=1)
    )
    assert minutes_twice.exists()  # the pack's draft minutes, then the minutes themselves
    assert per_meeting == []
