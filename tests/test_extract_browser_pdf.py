"""The parser on HTML papers printed to PDF by a browser (Chromium), a converter it was not written for.

A browser prints tables with padded cells and wraps long cells and labels
over several lines; the generated corpus's HTML papers printed this way
must read nearly as well as the HTML itself.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.scoring import Score, score_extract
from minutebook.synth.generate import write_corpus

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minutes" / "panel_html_page.html"
PRINT_TIMEOUT_SECONDS = 60
# The sample scored 0.986 when this was written; a little room for the generator's variety.
MIN_F1 = 0.97


def print_to_pdf(html: Path, *, header_footer: bool = False) -> Path:
    """Print one HTML file to a PDF beside it, as a user's browser would (with the browser's
    own header and footer of date, title, address and page when `header_footer`)."""
    pdf = html.with_suffix(".pdf")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            *([] if header_footer else ["--no-pdf-header-footer"]),
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=PRINT_TIMEOUT_SECONDS,
    )
    return pdf


def sample(folder: Path) -> list[Path]:
    """A handful of each kind of paper (minutes, agenda packs, decision records), to stay quick."""
    minutes = sorted(folder.glob("*-minutes.html"))[::2]
    packs = sorted(folder.glob("*-pack.html"))[1::2]
    decisions = sorted(folder.glob("decision-*.html"))[:3]
    return minutes + packs + decisions


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: cannot print HTML papers to PDF")
    folder = tmp_path_factory.mktemp("browser_pdf")
    write_corpus(folder, bodies=1, years=1, seed=17, formats=("html",))
    for html in sample(folder):
        try:
            print_to_pdf(html)
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"chromium could not print {html.name}: {exc}")
    return folder


def test_browser_printed_pdfs_score_nearly_as_well_as_html(printed: Path) -> None:
    total = Score()
    for pdf in sorted(printed.glob("*.pdf")):
        gold_path = pdf.with_name(pdf.stem + ".gold.json")
        got = extract_document(read_document(pdf))
        for name, (tp, fp, fn) in score_extract(
            json.loads(gold_path.read_text()), got
        ).rows.items():
            total.add(name, tp, fp, fn)
    assert total.f1 >= MIN_F1, total.misses()


def test_a_council_web_page_printed_by_a_browser_reads_as_the_page_does(tmp_path: Path) -> None:
    """Headings printed letter by letter, a running header and footer of the browser's own."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: cannot print HTML papers to PDF")
    html = tmp_path / FIXTURE.name
    html.write_bytes(FIXTURE.read_bytes())
    pdf = print_to_pdf(html, header_footer=True)
    gold = json.loads(FIXTURE.with_name("panel_html_page.gold.json").read_text())
    assert score_extract(gold, extract_document(read_document(pdf))).f1 == 1.0
