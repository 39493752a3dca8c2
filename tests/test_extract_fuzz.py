"""Random and mutated documents never crash or hang the parser."""

from __future__ import annotations

import signal
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.ingest.extract import extract_document
from minutebook.ingest.source import ReadDocument
from tests.extract_helpers import CORPUS, FIXTURES

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "minutes").glob("*.txt"))]
if CORPUS.exists():
    SEEDS += [p.read_text(encoding="utf-8")[:20000] for p in sorted(CORPUS.glob("*.txt"))]

# words and marks that steer the parser into its less common paths
VOCABULARY = [
    "MINUTES",
    "Present:",
    "Apologies:",
    "In Attendance:",
    "AGENDA",
    "1.",
    "2.1",
    "(i)",
    "- ",
    "Action:",
    "Action 3.0 - Agenda Item 10.6, 28th February 2019 Board meeting -",
    "Update:",
    "On-going",
    "\t",
    "DECISION RECORD CPCC 2018-012",
    "Subject",
    "To: Board",
    "From: CFO",
    "Date: 12th October 2021",
    "This page is intentionally left blank",
    "Page 3 of 9",
    "<b>",
    "</li>",
    "**",
    "Councillors A, B and C",
    "(left at 3pm)",
    "RESOLVED",
    "next meeting",
    "\n",
    "\n\n",
    "12/13/2020",
    "31st February 2020",
]


@contextmanager
def time_limit(seconds: int):
    def expired(signum, frame):
        raise TimeoutError(f"the parser took more than {seconds}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def extract(text: str) -> dict:
    with time_limit(10):
        return extract_document(ReadDocument("fuzz.txt", "0" * 64, "text/plain", None, [text]))


def assert_contract(result: dict) -> None:
    assert result["schema"] == "minutebook.extract/1"
    for meeting in result["meetings"]:
        for key in (
            "present",
            "in_attendance",
            "apologies",
            "items",
            "actions",
            "action_log",
            "decisions",
        ):
            assert isinstance(meeting[key], list)
        assert meeting["span"]["first_line"] <= meeting["span"]["last_line"]


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(max_size=3000))
def test_random_text_never_crashes(text):
    assert_contract(extract(text))


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=20), max_size=300))
def test_minutes_vocabulary_in_any_order_never_crashes(words):
    assert_contract(extract(" ".join(words)))


@FUZZ
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 400), st.sampled_from(VOCABULARY)),
        max_size=12,
    ),
)
def test_mutated_real_documents_never_crash(seed, mutations):
    text = seed
    for position, length, insert in mutations:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length :]
    assert_contract(extract(text))


def test_pathological_long_line_is_fast():
    assert_contract(extract("Action: " + "word, " * 50000))
    assert_contract(extract("1. " + "Councillors A, " * 20000))
