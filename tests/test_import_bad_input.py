"""Bad input: one line naming the file and the problem, exit status 2, nothing stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutebook.cli import main
from minutebook.documents.models import SourceDocument
from minutebook.ingest.readers import MAX_TEXT_CHARS


def text_pdf(path: Path, lines: list[str]) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for index, line in enumerate(lines):
        page.drawString(72, 770 - 14 * index, line)
    page.save()
    return path


def make_missing(tmp: Path) -> Path:
    return tmp / "nowhere.pdf"


def make_empty(tmp: Path) -> Path:
    path = tmp / "empty.txt"
    path.write_bytes(b"")
    return path


def make_picture(tmp: Path) -> Path:
    path = tmp / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    return path


def make_junk_pdf(tmp: Path) -> Path:
    path = tmp / "minutes.pdf"
    path.write_bytes(os.urandom(5000))
    return path


def make_truncated_pdf(tmp: Path) -> Path:
    whole = text_pdf(tmp / "whole.pdf", ["MINUTES", "Present: A Person"]).read_bytes()
    path = tmp / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    whole_path = tmp / "whole.pdf"
    whole_path.unlink()
    return path


def make_encrypted_pdf(tmp: Path) -> Path:
    plain = text_pdf(tmp / "plain.pdf", ["MINUTES", "Present: A Person"])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


def make_scanned_pdf(tmp: Path) -> Path:
    path = tmp / "scanned.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(50, 50, 400, 600, fill=1)
    page.save()
    return path


def make_huge_text(tmp: Path) -> Path:
    path = tmp / "dump.txt"
    line = "The Board noted the report and agreed the recommendations set out in it.\n"
    with path.open("w") as handle:
        for _ in range(MAX_TEXT_CHARS // len(line) + 10):
            handle.write(line)
    return path


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (make_missing, "file not found"),
        (make_empty, "empty file"),
        (make_picture, "not a supported format"),
        (make_junk_pdf, "corrupt PDF"),
        (make_truncated_pdf, "corrupt PDF"),
        (make_encrypted_pdf, "encrypted PDF"),
        (make_scanned_pdf, "scanned PDF with no text layer"),
        (make_huge_text, "too much text"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_bad_input_is_refused_with_a_reason_and_exit_2(tmp_path, capsys, make, reason):
    path = make(tmp_path)
    code = main(["import", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    failure_lines = [line for line in err.splitlines() if line.startswith(str(path))]
    assert len(failure_lines) == 1, err
    assert reason in failure_lines[0]
    assert SourceDocument.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_text_in_a_windows_code_page_is_read(tmp_path, capsys):
    fixture = Path(__file__).parent / "fixtures" / "minutes" / "panel_moderngov_style.txt"
    text = fixture.read_text(encoding="utf-8").replace("£236.56", "£236.56 – “agreed”")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert main(["import", str(path)]) == 0
    document = SourceDocument.objects.get()
    assert "£236.56 – “agreed”" in document.text
