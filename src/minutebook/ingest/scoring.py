"""Score an extract against a hand-labelled gold file, field by field.

Used by the test suite (on the generated corpus and the fixtures) and by
`minutebook score`, so an office can measure the importer on its own papers
before trusting it. A gold file holds only what is to be scored: a key
present in a gold meeting is scored, an absent key is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

HONORIFIC = re.compile(r"\b(?:cllr|councillor|dr|sir|mr|mrs|ms|miss|prof|professor|the)\b\.?")


def fold(text: Any) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = text.translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"[^\w%£&/'.-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def ref(text: Any) -> str:
    return (
        re.sub(r"^(?:action|agenda item|item|no\.?)\s*", "", fold(text))
        .replace(" ", "")
        .rstrip(".")
    )


def similarity(a: Any, b: Any) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) >= 25 and short in long:
        return 0.95
    return SequenceMatcher(None, a, b).ratio()


def person_key(name: Any) -> str:
    return re.sub(r"\s+", " ", HONORIFIC.sub(" ", fold(name))).strip()


def same_person(gold: Any, got: Any) -> float:
    gold = gold if isinstance(gold, dict) else {"name": gold}
    got = got if isinstance(got, dict) else {"name": got}
    a, b = person_key(gold.get("name")), person_key(got.get("name"))
    if not a or not b:
        return 0.0
    if a.split()[-1] == b.split()[-1] and (len(a.split()) == 1 or len(b.split()) == 1):
        return 0.9
    score = SequenceMatcher(None, a, b).ratio()
    return score if score >= 0.85 else 0.0


@dataclass
class Score:
    rows: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        row = self.rows.setdefault(name, [0, 0, 0])
        row[0] += tp
        row[1] += fp
        row[2] += fn

    @property
    def f1(self) -> float:
        tp = sum(r[0] for r in self.rows.values())
        fp = sum(r[1] for r in self.rows.values())
        fn = sum(r[2] for r in self.rows.values())
        if tp == 0:
            return 1.0 if fp == fn == 0 else 0.0
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        return 2 * precision * recall / (precision + recall)

    def misses(self) -> dict[str, list[int]]:
        return {name: row for name, row in self.rows.items() if row[1] or row[2]}


def pair(gold: list, got: list, same: Callable[[Any, Any], float]) -> tuple[int, int, int]:
    left = list(range(len(got)))
    tp = 0
    for g in gold:
        best, best_j = 0.0, None
        for j in left:
            s = same(g, got[j])
            if s > best:
                best, best_j = s, j
        if best_j is not None:
            tp += 1
            left.remove(best_j)
    return tp, len(left), len(gold) - tp


def score_list(
    score: Score, name: str, gold: list, got: list | None, same: Callable[[Any, Any], float]
) -> None:
    got = got or []
    if not gold:
        score.add(name, tp=0 if got else 1, fp=len(got))
        return
    tp, fp, fn = pair(gold, got, same)
    score.add(name, tp, fp, fn)


def same_item(gold: Any, got: dict) -> float:
    number, title = (
        (gold[0], gold[1]) if isinstance(gold, list) else (gold.get("number"), gold.get("title"))
    )
    if ref(number) != ref(got.get("number")):
        return 0.0
    s = similarity(title, got.get("title"))
    return s if s >= 0.6 else 0.0


def same_text(gold: dict, got: dict) -> float:
    s = similarity(gold.get("text"), got.get("text"))
    return s if s >= 0.75 else 0.0


def same_log(gold: dict, got: dict) -> float:
    status = lambda s: {"ongoing": "on-going", "complete": "closed", "completed": "closed"}.get(  # noqa: E731
        fold(s).replace("-", "").replace(" ", ""), fold(s)
    )
    if ref(gold.get("ref")) != ref(got.get("ref")):
        return 0.0
    return 1.0 if status(gold.get("status")) == status(got.get("status")) else 0.0


def scalar(score: Score, name: str, gold: Any, got: Any, fuzzy: bool = False) -> None:
    ok = (
        (similarity(gold, got) >= 0.8 if gold else not got)
        if fuzzy
        else (gold or None) == (got or None)
    )
    score.add(name, tp=1) if ok else score.add(name, fn=1, fp=1 if got else 0)


def score_meeting(score: Score, gold: dict, got: dict | None) -> None:
    if got is None:
        for key, value in gold.items():
            score.add(f"meeting.{key}", fn=len(value) if isinstance(value, list) and value else 1)
        return
    if "body_contains" in gold:
        ok = fold(gold["body_contains"]).replace("-", "") in fold(got.get("body")).replace("-", "")
        score.add("meeting.body", tp=int(ok), fn=int(not ok))
    if "body" in gold:
        scalar(score, "meeting.body", gold["body"], got.get("body"), fuzzy=True)
    for key in ("date", "start_time", "end_time"):
        if key in gold:
            scalar(score, f"meeting.{key}", gold[key], got.get(key))
    if "location" in gold:
        scalar(score, "meeting.location", gold["location"], got.get("location"), fuzzy=True)
    for key in ("present", "in_attendance", "apologies", "substitutes"):
        if key in gold:
            score_list(score, f"meeting.{key}", gold[key], got.get(key), same_person)
    if "declarations" in gold:
        score_list(
            score,
            "meeting.declarations",
            gold["declarations"],
            got.get("declarations"),
            lambda a, b: max(same_person(a, b), similarity(a.get("text"), b.get("text"))),
        )
    if "previous_minutes_approved" in gold:
        score_list(
            score,
            "meeting.previous_minutes_approved",
            gold["previous_minutes_approved"],
            got.get("previous_minutes_approved"),
            lambda a, b: float(a == b),
        )
    if "items" in gold:
        score_list(score, "meeting.items", gold["items"], got.get("items"), same_item)
    for key, same in (
        ("actions", same_text),
        ("recommendations", same_text),
        ("action_log", same_log),
    ):
        if key in gold:
            score_list(score, f"meeting.{key}", gold[key], got.get(key), same)
    if "decision_numbers" in gold:
        numbers = sorted(
            {
                fold(d["number"]).replace(" ", "").upper()
                for d in got.get("decisions") or []
                if d.get("number")
            }
        )
        score_list(
            score,
            "meeting.decision_numbers",
            [fold(n).replace(" ", "").upper() for n in gold["decision_numbers"]],
            numbers,
            lambda a, b: float(a == b),
        )
    if "next_meeting_date" in gold:
        scalar(
            score,
            "meeting.next_meeting_date",
            gold["next_meeting_date"],
            (got.get("next_meeting") or {}).get("date"),
        )


def pair_by_date(gold: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    left = list(range(len(got)))
    out = []
    for g in gold:
        j = next((j for j in left if got[j].get("date") == g.get("date")), None)
        if j is None and left and not g.get("date"):
            j = left[0]
        if j is not None:
            left.remove(j)
        out.append((g, got[j] if j is not None else None))
    return out


def score_extract(gold: dict, got: dict) -> Score:
    score = Score()
    if "meetings" in gold:
        pairs = pair_by_date(gold["meetings"], got.get("meetings") or [])
        found = sum(1 for _, e in pairs if e)
        score.add(
            "meetings.found",
            tp=found,
            fn=len(pairs) - found,
            fp=len(got.get("meetings") or []) - found,
        )
        for g, e in pairs:
            score_meeting(score, g, e)
    if "agendas" in gold:
        for g, e in pair_by_date(gold["agendas"], got.get("agendas") or []):
            score.add("agendas.found", tp=int(e is not None), fn=int(e is None))
            if "items" in g:
                score_list(score, "agenda.items", g["items"], (e or {}).get("items"), same_item)
    if "decision_records" in gold:
        got_records = {
            fold(r["number"]).replace(" ", "").upper(): r for r in got.get("decision_records") or []
        }
        for g in gold["decision_records"]:
            e = got_records.get(fold(g["number"]).replace(" ", "").upper())
            score.add("decision_records", tp=int(e is not None), fn=int(e is None))
            if e and "date" in g:
                scalar(score, "decision_record.date", g["date"], e.get("date"))
            if e and "subject" in g:
                scalar(score, "decision_record.subject", g["subject"], e.get("subject"), fuzzy=True)
    return score
