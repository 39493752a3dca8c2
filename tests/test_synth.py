"""Tests of `minutebook synth`: the generated corpus is deterministic, real in every
format, fictional, and its gold files state what the documents print.

Run: .venv/bin/pytest tests/test_synth.py -q -p no:django
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from minutebook.synth.command import add_synth_arguments
from minutebook.synth.gold import MEETING_KEYS, shape_errors
from minutebook.synth.meetings import simulate
from minutebook.synth.world import build_world

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score_extract.py"
CORPUS_GOLD = SHARED / "corpus" / "gold"

#: Names and places of the real corpus that must never be generated.
REAL_NAMES = (
    "Ablewhite",
    "Gregson",
    "Cambridgeshire",
    "Peterborough",
    "Cambourne",
    "Huntingdonshire",
    "Leversha",
    "Haylett",
)


def run_synth(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_synth_arguments(parser)
    args = parser.parse_args(list(argv))
    return args.run(args)


@pytest.fixture(scope="module")
def synth_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All five bodies, one year, every format."""
    out = tmp_path_factory.mktemp("synth")
    assert (
        run_synth("--out", str(out), "--bodies", "5", "--years", "1", "--seed", "7", "--quiet") == 0
    )
    return out


@pytest.fixture(scope="module")
def html_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every document in HTML, the easiest format to read the printed text back from."""
    out = tmp_path_factory.mktemp("synth_html")
    assert (
        run_synth(
            "--out",
            str(out),
            "--bodies",
            "5",
            "--years",
            "2",
            "--seed",
            "3",
            "--formats",
            "html",
            "--quiet",
        )
        == 0
    )
    return out


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def golds(out: Path) -> list[tuple[dict, dict]]:
    return [
        (entry, json.loads((out / entry["gold"]).read_text(encoding="utf-8")))
        for entry in manifest(out)["documents"]
    ]


def digest(out: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.iterdir())
        if p.is_file()
    }


# -- determinism ---------------------------------------------------------------


def test_same_seed_gives_the_same_bytes(synth_corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert (
        run_synth("--out", str(again), "--bodies", "5", "--years", "1", "--seed", "7", "--quiet")
        == 0
    )
    first, second = digest(synth_corpus), digest(again)
    assert first.keys() == second.keys()
    formats = {name.rsplit(".", 1)[-1] for name in first}
    assert {"txt", "html", "docx", "pdf", "json"} <= formats
    assert [n for n in first if first[n] != second[n]] == []


def test_bytes_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Nothing may hang on set or dict-of-str ordering: run in two fresh interpreters."""
    code = (
        "import argparse, sys; from minutebook.synth.command import add_synth_arguments; "
        "p = argparse.ArgumentParser(); add_synth_arguments(p); a = p.parse_args(sys.argv[1:]); "
        "sys.exit(a.run(a))"
    )
    outs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"h{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                "--out",
                str(out),
                "--bodies",
                "5",
                "--formats",
                "txt,html,docx",
                "--quiet",
            ],
            check=True,
            env=env,
        )
        outs.append(digest(out))
    assert outs[0] == outs[1]


def test_another_seed_gives_another_corpus(synth_corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert (
        run_synth(
            "--out",
            str(other),
            "--bodies",
            "1",
            "--years",
            "1",
            "--seed",
            "8",
            "--formats",
            "txt",
            "--quiet",
        )
        == 0
    )
    ours = {k: v for k, v in digest(synth_corpus).items() if k.endswith(".txt")}
    theirs = digest(other)
    assert not set(ours.values()) & set(theirs.values())


# -- gold files ----------------------------------------------------------------


def test_every_document_has_a_gold_file_in_the_scorer_shape(synth_corpus: Path) -> None:
    docs = manifest(synth_corpus)["documents"]
    kinds = {d["kind"] for d in docs}
    assert kinds == {"minutes", "agenda", "pack", "decision"}
    written = {p.name for p in synth_corpus.iterdir()}
    assert len(written) == 2 * len(docs) + 1  # each document, its gold, the manifest
    for entry, gold in golds(synth_corpus):
        assert entry["path"] in written
        assert gold["file"] == entry["path"]
        assert shape_errors(gold) == [], entry["path"]
        for meeting in gold["meetings"]:
            assert set(MEETING_KEYS) <= meeting.keys()
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting["date"])
            assert re.fullmatch(r"\d{2}:\d{2}", meeting["start_time"])
        if entry["kind"] == "minutes":
            assert len(gold["meetings"]) == 1 and gold["agendas"] == []
        if entry["kind"] == "decision":
            assert len(gold["decision_records"]) == 1


def _as_extract(gold: dict) -> dict:
    """What a perfect extractor would print for the document a gold file describes."""

    def person(p: object) -> dict:
        return p if isinstance(p, dict) else {"name": p}

    meetings = []
    for g in gold["meetings"]:
        e = {k: g.get(k) for k in ("body", "date", "start_time", "end_time", "location")}
        for key in ("present", "in_attendance", "apologies", "substitutes", "declarations"):
            e[key] = [person(p) for p in g.get(key, [])]
        e["previous_minutes_approved"] = g["previous_minutes_approved"]
        e["items"] = [{"number": n, "title": t} for n, t in g["items"]]
        e["actions"] = g["actions"]
        e["action_log"] = g["action_log"]
        e["recommendations"] = g.get("recommendations", [])
        e["decisions"] = [{"number": n, "text": ""} for n in g["decision_numbers"]]
        e["next_meeting"] = {"date": g.get("next_meeting_date")}
        meetings.append(e)
    agendas = [
        {"date": a["date"], "items": [{"number": n, "title": t} for n, t in a["items"]]}
        for a in gold["agendas"]
    ]
    return {
        "meetings": meetings,
        "agendas": agendas,
        "decision_records": gold["decision_records"],
        "warnings": [],
    }


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not available")
def test_the_scorer_reads_every_gold_file(synth_corpus: Path) -> None:
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    for entry, gold in golds(synth_corpus):
        tp, fp, fn = scorer.score(gold, _as_extract(gold)).report(quiet=True)
        assert (fp, fn) == (0, 0) and tp > 0, entry["path"]


def _printed_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return re.sub(r"\s+", " ", text)


def test_gold_facts_are_printed_in_the_document(html_corpus: Path) -> None:
    checked = 0
    for entry, gold in golds(html_corpus):
        text = _printed_text(html_corpus / entry["path"])
        facts: list[str] = []
        for m in gold["meetings"]:
            if m["location"].upper() not in text.upper():  # the Panel prints it in capitals
                facts.append(m["location"])
            facts += [t for _, t in m["items"]]
            for key in ("present", "in_attendance", "apologies"):
                facts += [p["name"] for p in m[key]]
                facts += [p["note"] for p in m[key] if p.get("note")]
            facts += [s["name"] for s in m.get("substitutes", [])]
            facts += [d["name"] + " " + d["text"] for d in m.get("declarations", [])]
            facts += [a["text"] for a in m["actions"]]
            facts += [e["text"] for e in m["action_log"]] + [e["update"] for e in m["action_log"]]
            facts += [r["text"] for r in m.get("recommendations", [])]
            facts += m["decision_numbers"]
        for a in gold["agendas"]:
            facts += [t for _, t in a["items"]]
        for d in gold["decision_records"]:
            facts += [d["number"], d["subject"], d["contact_officer"], d["signed_by"]]
        missing = [f for f in facts if re.sub(r"\s+", " ", f) not in text]
        assert missing == [], entry["path"]
        checked += len(facts)
    assert checked > 1000


def test_log_references_are_printed(html_corpus: Path) -> None:
    for entry, gold in golds(html_corpus):
        text = _printed_text(html_corpus / entry["path"])
        for m in gold["meetings"]:
            for e in m["action_log"]:
                assert (
                    re.search(
                        rf"(Action {re.escape(e['ref'])} - Agenda Item "
                        rf"{re.escape(e['item'])},|> ?{re.escape(e['ref'])} )",
                        text,
                    )
                    or f" {e['ref']} " in text
                ), (entry["path"], e["ref"])


# -- the record hangs together -------------------------------------------------


def _minutes_by_body(out: Path) -> dict[str, list[dict]]:
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for entry, gold in golds(out):
        for m in gold["meetings"]:
            found[entry.get("body_key") or ""][m["date"]] = m
    return {body: [by_date[d] for d in sorted(by_date)] for body, by_date in found.items()}


def test_action_log_carries_forward_until_closed(html_corpus: Path) -> None:
    carried = 0
    for body, meetings in _minutes_by_body(html_corpus).items():
        assert len(meetings) >= 6, body
        closed: set[str] = set()
        for k in range(len(meetings) - 1):
            now, nxt = meetings[k], meetings[k + 1]
            logged = {(e["meeting_date"], e["text"]): e for e in nxt["action_log"]}
            for action in now["actions"]:  # raised at k: reviewed at k + 1
                entry = logged.get((now["date"], action["text"]))
                assert entry is not None, (body, now["date"], action["text"])
                assert entry["item"] == action["item"]
                carried += 1
            refs_next = {e["ref"]: e for e in nxt["action_log"]}
            for e in now["action_log"]:
                if e["status"] == "closed":
                    closed.add(e["ref"])
                    assert e["ref"] not in refs_next
                else:  # still open: reviewed again, same reference, same origin
                    again = refs_next.get(e["ref"])
                    assert again is not None, (body, nxt["date"], e["ref"])
                    assert (again["meeting_date"], again["item"]) == (e["meeting_date"], e["item"])
            assert not closed & {e["ref"] for e in nxt["action_log"]}
    assert carried > 10


def test_simulation_closes_every_action_it_reviews_once() -> None:
    record = simulate(build_world(11, 5, 3))
    for meetings in record.meetings.values():
        seen_closed: set[str] = set()
        open_refs: set[str] = set()
        for m in meetings:
            logged = {e.action.ref for e in m.action_log}
            assert open_refs <= logged  # nothing open is dropped
            assert not logged & seen_closed  # nothing closed comes back
            open_refs = {e.action.ref for e in m.action_log if e.status != "closed"}
            seen_closed |= {e.action.ref for e in m.action_log if e.status == "closed"}
            open_refs |= {a.ref for a in m.new_actions}


def test_decisions_are_numbered_per_year_and_cited() -> None:
    world = build_world(5, 2, 3)
    record = simulate(world)
    by_year: dict[str, list[int]] = defaultdict(list)
    for d in record.decisions:
        prefix, number = d.number.split()
        assert prefix == world.area.decision_prefix
        year, n = number.split("-")
        assert year == str(d.signed.year)
        by_year[year].append(int(n))
    for numbers in by_year.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
    cited = {
        d.number
        for ms in record.meetings.values()
        for m in ms
        for it in m.items
        for d in it.decisions_cited
    }
    assert len(cited) > len(record.decisions) / 2


def test_the_chief_constable_changes_mid_period() -> None:
    world = build_world(1, 1, 2)
    holders = [h for h in world.posts["cc"].holdings if h.start < world.end]
    assert len(holders) == 2
    assert world.start < holders[1].start < world.end
    assert holders[0].person != holders[1].person


# -- real files ----------------------------------------------------------------


def test_pdfs_are_real_with_a_footer_on_every_page(synth_corpus: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    pdfs = [d for d in manifest(synth_corpus)["documents"] if d["format"] == "pdf"]
    assert any(d["kind"] == "pack" for d in pdfs)
    area = manifest(synth_corpus)["area"]
    for entry in pdfs:
        pdf = pdfium.PdfDocument(str(synth_corpus / entry["path"]))
        try:
            count = len(pdf)
            assert count == entry["pages"]
            if entry["kind"] == "pack":
                assert count > 1, entry["path"]
            for n in range(count):
                page = pdf[n]
                text = page.get_textpage().get_text_bounded()
                assert f"Page {n + 1} of {count}" in text, (entry["path"], n)
                assert f"{area} PCC - " in text, (entry["path"], n)
        finally:
            pdf.close()


def test_pack_page_ranges_point_at_the_papers(synth_corpus: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    packs = [
        d
        for d in manifest(synth_corpus)["documents"]
        if d["format"] == "pdf" and d["kind"] == "pack"
    ]
    assert packs
    area = manifest(synth_corpus)["area"]
    for entry in packs:
        gold = json.loads((synth_corpus / entry["gold"]).read_text(encoding="utf-8"))
        pdf = pdfium.PdfDocument(str(synth_corpus / entry["path"]))
        try:
            texts = [pdf[n].get_textpage().get_text_bounded() for n in range(len(pdf))]
        finally:
            pdf.close()
        agenda = texts[0].split(f"{area} PCC - ")[0]  # the agenda, less its footer
        ranges = []
        for found in re.findall(r"(?m)(?:^|\s)(\d{1,3}(?: - \d{1,3})?)\s*$", agenda):
            first, _, last = found.partition(" - ")
            ranges.append((int(first), int(last or first)))
        assert ranges, entry["path"]
        # papers follow one another: each starts the page after the previous one ends
        assert ranges[0][0] == 2
        for (_, end), (start, _) in zip(ranges, ranges[1:], strict=False):
            assert start == end + 1, entry["path"]
        assert ranges[-1][1] == len(texts)
        if gold["meetings"]:  # item 3's paper is the previous minutes
            assert "MINUTES" in texts[ranges[0][0] - 1], entry["path"]


def test_docx_files_open_with_python_docx(synth_corpus: Path) -> None:
    docx = pytest.importorskip("docx")
    entries = [d for d in manifest(synth_corpus)["documents"] if d["format"] == "docx"]
    assert entries
    for entry in entries:
        document = docx.Document(str(synth_corpus / entry["path"]))
        assert any(p.text.strip() for p in document.paragraphs)
        assert document.tables, entry["path"]
        footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
        assert manifest(synth_corpus)["area"] in footer
        assert document.core_properties.author


def test_text_files_look_like_conversions(synth_corpus: Path) -> None:
    entries = [d for d in manifest(synth_corpus)["documents"] if d["format"] == "txt"]
    flavours = {d["text_flavour"] for d in entries}
    assert flavours == {"pdf", "word"}
    for entry in entries:
        text = (synth_corpus / entry["path"]).read_text(encoding="utf-8")
        if entry["text_flavour"] == "pdf":
            assert f"Page 1 of {entry['pages']}" in text
            assert text.count("\f") == entry["pages"] - 1
        else:
            assert "\f" not in text


# -- fiction -------------------------------------------------------------------


def _real_surnames() -> set[str]:
    names: set[str] = set()
    for path in CORPUS_GOLD.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for m in gold.get("meetings", []):
            for key in ("present", "in_attendance", "apologies"):
                for p in m.get(key, []):
                    name = p if isinstance(p, str) else p.get("name") or ""
                    if name:
                        names.add(name.split()[-1])
    return names


def test_no_real_name_is_generated(synth_corpus: Path, html_corpus: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    surnames = _real_surnames() | set(REAL_NAMES)
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, surnames))) + r")\b")
    for out in (synth_corpus, html_corpus):
        for path in sorted(out.iterdir()):
            if path.suffix in (".txt", ".html", ".json"):
                text = path.read_text(encoding="utf-8")
            elif path.suffix == ".pdf":
                pdf = pdfium.PdfDocument(str(path))
                try:
                    text = " ".join(
                        pdf[n].get_textpage().get_text_bounded() for n in range(len(pdf))
                    )
                finally:
                    pdf.close()
            else:
                continue
            found = pattern.search(text)
            assert found is None, (path.name, found and found.group(0))


# -- the command ---------------------------------------------------------------


def test_bad_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_synth("--out", str(tmp_path / "a"), "--bodies", "9") == 2
    assert run_synth("--out", str(tmp_path / "b"), "--formats", "txt,rtf") == 2
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert run_synth("--out", str(a_file)) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("minutebook synth: ") for e in errors)


def test_summary_is_one_line_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run_synth(
            "--out",
            str(tmp_path),
            "--bodies",
            "1",
            "--years",
            "1",
            "--formats",
            "html",
            "--kinds",
            "minutes",
        )
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "6 documents" in lines[0] and "13 files" in lines[0]
    assert "PDF pages" in lines[0]
    assert manifest(tmp_path)["totals"]["by_kind"] == {"minutes": 6}


def test_write_corpus_from_python(tmp_path: Path) -> None:
    from minutebook.synth.generate import write_corpus

    manifest_ = write_corpus(
        tmp_path, bodies=3, years=1, seed=7, formats=("html",), kinds=("agenda",)
    )
    assert manifest_["totals"]["by_kind"] == {"agenda": 6}  # only the sub-group publishes agendas
    assert (tmp_path / "manifest.json").exists()
    with pytest.raises(ValueError):
        write_corpus(tmp_path, formats=("rtf",))
