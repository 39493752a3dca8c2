"""Checks every reader needs before it opens a file: it exists, it is a file,
it is not empty, it is under the size limit; plus streamed hashing.

These run before any parser, so a missing, empty or oversized file gets a
plain reason instead of whatever error the parser library would throw.
"""

from __future__ import annotations

import hashlib
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from minutebook.ingest.source import UnreadableDocument

MAX_FILE_MB_ENV = "MINUTEBOOK_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 100
MB = 1024 * 1024

# How much of the start of a file format sniffing looks at: enough to see a
# PDF header (allowed anywhere in the first 1 KB), an HTML doctype after a
# long comment, and a fair sample of bytes to judge "text or binary".
HEAD_BYTES = 64 * 1024
# Chunk size for hashing: large enough to be fast, small enough that memory
# stays flat on a 100 MB PDF.
CHUNK_BYTES = 1024 * 1024
# How much of the end of the file to keep while hashing (PDF end marker).
TAIL_BYTES = 4096


@dataclass(frozen=True)
class FileFacts:
    """What we know about a file after the cheap checks."""

    path: Path
    name: str
    size: int
    head: bytes  # the first HEAD_BYTES bytes (all of a small file)

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def head_is_whole_file(self) -> bool:
        return len(self.head) >= self.size


def max_file_bytes() -> int:
    """The size limit, read from the environment on every call.

    Read each time (not at import) so a deployment or a test can change it
    without re-importing; a bad value is a loud error, never a silent default.
    """
    raw = os.environ.get(MAX_FILE_MB_ENV)
    if raw is None:
        return DEFAULT_MAX_FILE_MB * MB
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{MAX_FILE_MB_ENV} must be a positive number of megabytes, not {raw!r}")
    return max(1, int(value * MB))


def format_mb(n_bytes: int) -> str:
    """Megabytes for a person: "150", "1.5", "0.001"."""
    value = n_bytes / MB
    text = f"{value:.1f}" if value >= 1 else f"{value:.3f}"
    return text.rstrip("0").rstrip(".") or "0"


def check_file(path: str | Path) -> FileFacts:
    """Stat the file, apply the limits and read its first bytes.

    Raises UnreadableDocument for a missing file, a directory, an empty file
    or one over the limit, before anything is parsed.
    """
    p = Path(path)
    st = _stat(p)
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableDocument("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableDocument("not a regular file")
    if st.st_size == 0:
        raise UnreadableDocument("empty file")
    limit = max_file_bytes()
    if st.st_size > limit:
        raise UnreadableDocument(
            f"file too large: {format_mb(st.st_size)} MB "
            f"(limit {format_mb(limit)} MB; set {MAX_FILE_MB_ENV})"
        )
    head = _read_head(p)
    if not head:
        # The file shrank between stat and read.
        raise UnreadableDocument("empty file")
    if len(head) >= st.st_size and not head.strip():
        raise UnreadableDocument("empty file")
    return FileFacts(path=p, name=p.name, size=st.st_size, head=head)


def read_all(facts: FileFacts) -> bytes:
    """The whole file, for formats whose parser needs it in memory (text, HTML)."""
    try:
        return facts.path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(_os_reason(exc)) from exc


def sha256_and_tail(facts: FileFacts) -> tuple[str, bytes]:
    """Hash the file in chunks, keeping only its last TAIL_BYTES.

    Streaming keeps memory flat for big PDFs, which the PDF library then reads
    from disk itself; the file is never held in memory twice.
    """
    digest = hashlib.sha256()
    tail = b""
    try:
        with facts.path.open("rb") as f:
            while chunk := f.read(CHUNK_BYTES):
                digest.update(chunk)
                tail = (tail + chunk[-TAIL_BYTES:])[-TAIL_BYTES:]
    except OSError as exc:
        raise UnreadableDocument(_os_reason(exc)) from exc
    return digest.hexdigest(), tail


def _stat(p: Path) -> os.stat_result:
    try:
        return p.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise UnreadableDocument("file not found") from exc
    except OSError as exc:
        raise UnreadableDocument(_os_reason(exc)) from exc


def _read_head(p: Path) -> bytes:
    try:
        with p.open("rb") as f:
            return f.read(HEAD_BYTES)
    except OSError as exc:
        raise UnreadableDocument(_os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "cannot open file: permission denied"
    return f"cannot read file: {exc.strerror or type(exc).__name__}"
