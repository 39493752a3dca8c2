"""Plain text and Markdown: decode the bytes right, then tidy the lines.

Published papers arrive as UTF-8, as Windows "ANSI" (cp1252) from older
office systems, now and then as UTF-16 from Windows tools. Getting "£" and
curly quotes right matters, because amounts and quoted resolutions are
evidence. Helpers here are shared with the HTML reader.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from itertools import islice

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from minutebook.ingest.readers.files import FileFacts, read_all
from minutebook.ingest.source import ReadDocument, UnreadableDocument

BINARY_REASON = "not a supported format: binary data"

# Codecs that consume the byte-order mark they start with.
_BOM_CODECS = {
    "utf-8": "utf-8-sig",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
    "utf-32-le": "utf-32",
    "utf-32-be": "utf-32",
}
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control bytes that never appear in real text. Tab, LF, VT, FF, CR are
# layout; SUB (0x1A) is the old DOS end-of-file mark. NUL counts here: a
# head full of NULs is binary (NULs further in are stripped instead).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1a") + b"\x7f"
# Control characters in decoded text (NUL excluded: it is stripped), plus the
# replacement character, which marks bytes that could not be decoded.
_CONTROL_CHARS_RE = re.compile("[\x01-\x08\x0e-\x19\x1b-\x1f\x7f-\x84\x86-\x9f\ufffd]")
# Characters we delete from accepted text (the same minus U+FFFD, which stays
# visible so a reader can see where decoding failed).
_STRIP_CHARS_RE = re.compile("[\x00-\x08\x0e-\x19\x1a-\x1f\x7f-\x84\x86-\x9f]")
# More than this share of control characters and it is not text.
MAX_CONTROL_RATIO = 0.01

# Everything str.splitlines() treats as a line break, so that the rest of the
# code can split on "\n" alone and agree with splitlines().
_LINE_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# How much of the file charset detection looks at: the start plus the stretch
# around the first byte that is not UTF-8, where the evidence is.
_SAMPLE_BYTES = 64 * 1024

# Windows-1252 is the legacy code page of British office software. On short,
# mostly-ASCII English text the detector cannot tell it from its single-byte
# cousins (it picks cp1250 for "£5m", turning "£" into "Ł"), so any
# single-byte guess gives way to cp1252 when the bytes are valid cp1252.
_PREFERRED_LEGACY = "cp1252"
# WHATWG: browsers decode these declared charsets as windows-1252.
_DECLARED_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


# A complete multi-byte UTF-8 sequence ("’" is E2 80 99, "£" is C2 A3). In
# real cp1252 text these byte runs only appear as mojibake ("â€™", "Â£"), so
# finding one means the file is UTF-8 with a few stray legacy bytes, which
# happens when documents are pasted together.
_UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CP1252_FALLBACK = "minutebook-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode-error handler: read the bytes UTF-8 rejects as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode(_PREFERRED_LEGACY, errors="replace"), exc.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def read_text(facts: FileFacts, media_type: str, warnings: list[str]) -> ReadDocument:
    """Read a plain-text or Markdown file as one unpaged "page"."""
    data = read_all(facts)
    sha256 = hashlib.sha256(data).hexdigest()
    text = decode_bytes(data, warnings)
    # Drop the bytes before tidying, which may copy the text: peak memory stays
    # near twice the file size for ASCII and Latin-1 text. (Text with a
    # character past U+00FF is stored at two bytes a character, so it peaks
    # near four times: CPython widens the string while decoding.)
    del data
    text = tidy_text(text)
    if not text or text.isspace():
        raise UnreadableDocument("empty file")
    return ReadDocument(
        name=facts.name,
        sha256=sha256,
        media_type=media_type,
        page_count=None,
        pages=[text],
        warnings=warnings,
    )


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def head_looks_binary(head: bytes) -> bool:
    """Cheap test on the first bytes: too many control bytes for text.

    Lets a 50 MB file of random bytes be rejected without reading it all.
    UTF-16/32 text is full of NUL bytes, so it is judged after decoding.
    """
    if not head:
        return False
    encoding = bom_encoding(head)
    if encoding is not None and encoding != "utf-8":
        sample = head.decode(encoding, errors="replace")
        return _too_many_controls(sample)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * MAX_CONTROL_RATIO


def decode_bytes(data: bytes, warnings: list[str], declared: str | None = None) -> str:
    """Decode text bytes: BOM, then UTF-8, then a declared charset, then a guess.

    Appends a warning when the text was not UTF-8 or some bytes could not be
    decoded, so the import log shows why a character may look wrong.
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        return _decode_or_replace(data, encoding, warnings, skip_bom=True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_SEQUENCE_RE.search(data):
        warnings.append("text is mostly UTF-8; the bytes that are not were read as cp1252")
        return data.decode("utf-8", errors=_CP1252_FALLBACK)
    for candidate in _legacy_candidates(data, first_bad, declared):
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        warnings.append(f"text is not UTF-8; decoded as {candidate}")
        return text
    return _decode_or_replace(data, _PREFERRED_LEGACY, warnings, skip_bom=False)


def tidy_text(text: str) -> str:
    """Normalise line breaks to "\\n", strip NULs and stray control characters.

    Raises UnreadableDocument when control characters are so common that the
    "text" is really binary data decoded by force.
    """
    if _too_many_controls(text):
        raise UnreadableDocument(BINARY_REASON)
    text = normalise_newlines(text)
    if _STRIP_CHARS_RE.search(text):
        text = _STRIP_CHARS_RE.sub("", text)
    return text


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the other Unicode line breaks become "\\n".

    Uses str.replace guarded by `in` (both C-speed) rather than one regex, so
    a 50 MB file with no CRs is not copied at all.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for brk in _LINE_BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    return text


def _too_many_controls(text: str) -> bool:
    """True when control characters exceed MAX_CONTROL_RATIO of the text.

    Stops at the first match past the threshold, so junk is judged quickly.
    """
    limit = int(len(text) * MAX_CONTROL_RATIO)
    matches = islice(_CONTROL_CHARS_RE.finditer(text), limit + 1)
    return sum(1 for _ in matches) > limit


def _legacy_candidates(data: bytes, first_bad: int, declared: str | None) -> list[str]:
    """Encodings to try, in order, for bytes that are not UTF-8."""
    candidates: list[str] = []
    if declared:
        candidates.append(_normalise_declared(declared))
    guess = _guess_encoding(_detection_sample(data, first_bad))
    if guess is None or not is_multi_byte_encoding(guess):
        candidates.append(_PREFERRED_LEGACY)
    if guess is not None:
        candidates.append(guess)
    return [c for c in dict.fromkeys(candidates) if _is_known_codec(c)]


def _normalise_declared(declared: str) -> str:
    name = declared.strip().lower()
    return _DECLARED_ALIASES.get(name, name)


def _is_known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _detection_sample(data: bytes, first_bad: int) -> bytes:
    if len(data) <= 2 * _SAMPLE_BYTES:
        return data
    start = max(_SAMPLE_BYTES, first_bad - _SAMPLE_BYTES // 4)
    return data[:_SAMPLE_BYTES] + data[start : start + _SAMPLE_BYTES]


def _guess_encoding(sample: bytes) -> str | None:
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def _decode_or_replace(data: bytes, encoding: str, warnings: list[str], *, skip_bom: bool) -> str:
    codec = _BOM_CODECS.get(encoding, encoding) if skip_bom else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        warnings.append(f"some bytes are not valid {encoding} and were replaced with \ufffd")
        return data.decode(codec, errors="replace")
