"""Write the corpus: every document of the simulated record, each with its gold file.

Documents are listed first as light specs (kind, body, meeting, format), then
composed, rendered and written one at a time, so memory stays flat however
many years are asked for, and a spec list can be split between processes.
Formats rotate per kind (offset by body), so every kind of paper appears in
every format.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.synth import gold as goldmod
from minutebook.synth.agenda import agenda_blocks, pack_blocks
from minutebook.synth.decision import decision_blocks
from minutebook.synth.document import Document
from minutebook.synth.meetings import simulate
from minutebook.synth.minutes import minutes_blocks
from minutebook.synth.model import Decision, Meeting, Record
from minutebook.synth.render_docx import render_docx
from minutebook.synth.render_html import render_html
from minutebook.synth.render_pdf import render_pdf
from minutebook.synth.render_text import paginate, render_text
from minutebook.synth.schedule import format_date
from minutebook.synth.world import World, build_world

FORMATS = ("txt", "html", "docx", "pdf")
KINDS = ("minutes", "agenda", "pack", "decision")
EXTENSIONS = {"txt": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}


@dataclass(frozen=True)
class Spec:
    kind: str
    fmt: str
    body: str = ""  # body key, for meeting papers
    index: int = -1  # meeting index within the body
    number: str = ""  # decision number
    flavour: str = ""  # text flavour: "pdf" or "word"

    def name(self, world: World, record: Record) -> str:
        if self.kind == "decision":
            return "decision-" + self.number.lower().replace(" ", "-")
        m = record.meetings[self.body][self.index]
        return f"{self.body}-{m.date.isoformat()}-{self.kind}"


def specs(world: World, record: Record, formats: list[str], kinds: list[str]) -> Iterator[Spec]:
    """Every document to write, in a stable order, with its format chosen by rotation."""
    counters: Counter[str] = Counter()
    text_count = 0

    def choose(kind: str, offset: int) -> tuple[str, str]:
        nonlocal text_count
        fmt = formats[(counters[kind] + offset) % len(formats)]
        counters[kind] += 1
        flavour = ""
        if fmt == "txt":
            flavour = "pdf" if text_count % 2 == 0 else "word"
            text_count += 1
        return fmt, flavour

    for b, body in enumerate(world.bodies):
        for m in record.meetings[body.key]:
            paper = "pack" if body.publishes_pack else "agenda"
            if paper in kinds:
                fmt, flavour = choose(paper, b)
                yield Spec(paper, fmt, body.key, m.index, flavour=flavour)
            if "minutes" in kinds:
                fmt, flavour = choose("minutes", b + 1)
                yield Spec("minutes", fmt, body.key, m.index, flavour=flavour)
    if "decision" in kinds:
        for d in record.decisions:
            fmt, flavour = choose("decision", 0)
            yield Spec("decision", fmt, number=d.number, flavour=flavour)


def _footer(world: World, m: Meeting, what: str = "") -> str:
    middle = f" - {what}" if what else ""
    return f"{world.area.short_name} - {m.style.body_name}{middle} - {format_date(m.date, 'plain')}"


def compose(world: World, record: Record, spec: Spec, name: str) -> tuple[Document, dict[str, Any]]:
    """The document for a spec and its gold file."""
    author = f"{world.area.opcc}, {world.area.name}"
    file = f"{name}.{EXTENSIONS[spec.fmt]}"
    if spec.kind == "decision":
        d = next(x for x in record.decisions if x.number == spec.number)
        doc = Document(
            name,
            "decision",
            f"Decision Record {d.number}: {d.subject}",
            f"{world.area.short_name} - Decision Record {d.number}",
            author,
            d.signed,
        )
        doc.add(*decision_blocks(world, d))
        gold = goldmod.gold_document(
            file,
            "decision",
            spec.fmt,
            f"Decision record {d.number}",
            [],
            [],
            [goldmod.decision_gold(world, d)],
        )
        return doc, gold
    meetings = record.meetings[spec.body]
    m = meetings[spec.index]
    previous = meetings[spec.index - 1] if spec.index > 0 else None
    body_name = m.style.body_name
    if spec.kind == "minutes":
        status = "approved" if m.minutes_approved else "draft"
        doc = Document(
            name,
            "minutes",
            f"{body_name} minutes, {format_date(m.date, 'plain')}",
            _footer(world, m),
            author,
            m.date,
        )
        doc.add(*minutes_blocks(world, m, status))
        gold = goldmod.gold_document(
            file,
            "minutes",
            spec.fmt,
            f"{status.title()} minutes of the {body_name}, {m.date}",
            [goldmod.meeting_gold(world, m)],
            [],
            [],
        )
        return doc, gold
    if spec.kind == "agenda":
        doc = Document(
            name,
            "agenda",
            f"{body_name} agenda, {format_date(m.date, 'plain')}",
            _footer(world, m, "Agenda"),
            author,
            m.date,
        )
        doc.add(*agenda_blocks(world, m, None, pack=False))
        gold = goldmod.gold_document(
            file,
            "agenda",
            spec.fmt,
            f"Agenda of the {body_name}, {m.date}",
            [],
            [goldmod.agenda_gold(m)],
            [],
        )
        return doc, gold
    rng = random.Random(f"minutebook-synth:{world.seed}:pack:{name}")
    doc = Document(
        name,
        "pack",
        f"{body_name} agenda pack, {format_date(m.date, 'plain')}",
        _footer(world, m, "Agenda Pack"),
        author,
        m.date,
    )
    doc.add(*pack_blocks(world, m, previous, rng))
    included: list[Decision] = m.pack_decisions
    gold = goldmod.gold_document(
        file,
        "pack",
        spec.fmt,
        f"Agenda pack of the {body_name}, {m.date}"
        + (f", with the minutes of {previous.date}" if previous else ""),
        [goldmod.meeting_gold(world, previous)] if previous else [],
        [goldmod.agenda_gold(m)],
        [goldmod.decision_gold(world, d) for d in included],
    )
    return doc, gold


def render(doc: Document, spec: Spec) -> tuple[bytes, int | None]:
    if spec.fmt == "pdf":
        return render_pdf(doc)
    if spec.fmt == "txt":
        return render_text(doc, spec.flavour or "pdf")
    if spec.fmt == "html":
        return render_html(doc), None
    _, pages = paginate(doc)
    return render_docx(doc, pages), None


def write_one(world: World, record: Record, spec: Spec, out: Path) -> dict[str, Any]:
    """Compose, render and write one document and its gold file; return its manifest entry."""
    name = spec.name(world, record)
    doc, gold = compose(world, record, spec, name)
    data, pages = render(doc, spec)
    path = out / f"{name}.{EXTENSIONS[spec.fmt]}"
    path.write_bytes(data)
    gold_path = out / f"{name}.gold.json"
    goldmod.write_gold(gold_path, gold)
    entry: dict[str, Any] = {
        "path": path.name,
        "gold": gold_path.name,
        "format": spec.fmt,
        "kind": spec.kind,
    }
    if spec.kind == "decision":
        entry["decision"] = spec.number
        entry["date"] = doc.when.isoformat()
    else:
        entry["body"] = record.meetings[spec.body][spec.index].style.body_name
        entry["body_key"] = spec.body
        entry["meeting_date"] = doc.when.isoformat()
    if spec.fmt == "txt":
        entry["text_flavour"] = spec.flavour
    if pages is not None:
        entry["pages"] = pages
    entry["bytes"] = len(data)
    return entry


@dataclass
class Options:
    out: Path
    bodies: int = 2
    years: int = 1
    seed: int = 1
    formats: tuple[str, ...] = FORMATS
    kinds: tuple[str, ...] = KINDS
    meetings_per_year: int = 6
    start_year: int = 2022


def build(options: Options) -> tuple[World, Record]:
    world = build_world(
        options.seed, options.bodies, options.years, options.start_year, options.meetings_per_year
    )
    return world, simulate(world)


def write_all(options: Options) -> dict[str, Any]:
    """Write every document, its gold file and manifest.json; return the manifest."""
    world, record = build(options)
    options.out.mkdir(parents=True, exist_ok=True)
    entries = [
        write_one(world, record, spec, options.out)
        for spec in specs(world, record, list(options.formats), list(options.kinds))
    ]
    manifest = manifest_for(options, world, record, entries)
    (options.out / "manifest.json").write_text(
        json.dumps(manifest, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def manifest_for(
    options: Options, world: World, record: Record, entries: list[dict[str, Any]]
) -> dict[str, Any]:
    by_format = Counter(e["format"] for e in entries)
    by_kind = Counter(e["kind"] for e in entries)
    return {
        "generator": "minutebook synth",
        "seed": options.seed,
        "area": world.area.name,
        "start": world.start.isoformat(),
        "end": world.end.isoformat(),
        "bodies": [
            {"key": b.key, "name": b.eras[0][1].body_name, "meetings": len(record.meetings[b.key])}
            for b in world.bodies
        ],
        "formats": list(options.formats),
        "kinds": list(options.kinds),
        "documents": entries,
        "totals": {
            "documents": len(entries),
            "files": 2 * len(entries) + 1,
            "by_format": dict(sorted(by_format.items())),
            "by_kind": dict(sorted(by_kind.items())),
            "meetings": sum(len(v) for v in record.meetings.values()),
            "decisions": len(record.decisions),
            "pdf_pages": sum(e.get("pages", 0) for e in entries if e["format"] == "pdf"),
            "bytes": sum(e["bytes"] for e in entries),
        },
    }
