"""Folded keys (`core.text`): printed forms that mean the same thing compare equal."""

from __future__ import annotations

import pytest

from minutebook.core.text import fold, strip_accents


@pytest.mark.parametrize(
    ("printed", "stripped"),
    [
        ("Zoë Brontë", "Zoe Bronte"),
        ("Siân O’Neill", "Sian O’Neill"),
        ("ﬁnance", "finance"),  # a ligature is two letters
        ("Plain ASCII, untouched", "Plain ASCII, untouched"),
        ("", ""),
    ],
)
def test_strip_accents(printed, stripped):
    assert strip_accents(printed) == stripped


@pytest.mark.parametrize(
    "printed",
    ["Business Co-ordination Board", "business coordination board", "BUSINESS CO‑ORDINATION BOARD"],
)
def test_fold_makes_one_key_of_a_name_printed_many_ways(printed):
    assert fold(printed) == "business coordination board"


def test_fold_reads_ampersands_and_drops_words_asked():
    assert fold("The Finance & Audit Group", drop_words=frozenset({"the"})) == (
        "finance and audit group"
    )
