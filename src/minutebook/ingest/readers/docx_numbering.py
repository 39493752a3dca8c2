"""The list labels Word shows but does not store ("1.", "2.3", "(a)").

Minutes number their items with automatic list numbering; the numbers are
computed by Word at display time and live nowhere in the paragraph text.
python-docx does not compute them, so a minute reference ("item 4.2") would
vanish. This module replays Word's counters, in document order, for the
common formats. It is best effort: exotic formats fall back to decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

# Word allows nine list levels (0-8).
_MAX_LEVELS = 9
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
# Styles can inherit numbering from their base style; real chains are short,
# the cap only guards against a loop in a damaged file.
_MAX_STYLE_DEPTH = 20


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass(frozen=True)
class _Num:
    abstract_id: str
    overrides: dict[int, int]  # ilvl -> start override


class ListNumbering:
    """Replays Word's list counters over the paragraphs of one document.

    Call `label()` for every paragraph in document order (body and table cells
    alike), exactly once each: the counters advance as it goes.
    """

    def __init__(self, document: Any | None) -> None:
        """`document` is a python-docx Document; None gives no labels at all."""
        self._abstracts, self._nums = (
            _read_numbering(document) if document is not None else ({}, {})
        )
        self._style_numpr = _read_style_numbering(document) if document is not None else {}
        self._counters: dict[str, dict[int, int]] = {}

    def label(self, p: Any) -> str | None:
        """The label before paragraph element `p` ("3.", "-", "(b)"), or None."""
        if not self._nums:
            return None
        num_id, ilvl = self._numpr(p)
        num = self._nums.get(num_id) if num_id else None
        levels = self._abstracts.get(num.abstract_id) if num else None
        if num is None or not levels or ilvl not in levels:
            return None
        counters = self._advance(num_id, num, levels, ilvl)
        if levels[ilvl].fmt == "bullet":
            return "-"
        return _render(levels, counters, ilvl, num) or None

    def _numpr(self, p: Any) -> tuple[str | None, int]:
        pPr = p.find(qn("w:pPr"))
        num_id, ilvl = None, None
        if pPr is not None:
            style = pPr.find(qn("w:pStyle"))
            if style is not None:
                num_id, ilvl = self._style_numpr.get(style.get(qn("w:val")), (None, None))
            numPr = pPr.find(qn("w:numPr"))
            if numPr is not None:
                own_id, own_lvl = _numpr_values(numPr)
                num_id = own_id if own_id is not None else num_id
                ilvl = own_lvl if own_lvl is not None else ilvl
        if num_id == "0":  # numId 0 switches numbering off
            return None, 0
        return num_id, min(max(ilvl or 0, 0), _MAX_LEVELS - 1)

    def _advance(
        self, num_id: str, num: _Num, levels: dict[int, _Level], ilvl: int
    ) -> dict[int, int]:
        """Count this paragraph and reset the deeper levels, as Word does.

        Lists sharing an abstract definition continue one sequence unless a
        list restarts it with a start override, which gives it its own counters.
        """
        key = f"num:{num_id}" if num.overrides else f"abstract:{num.abstract_id}"
        counters = self._counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = _start(levels, num, ilvl)
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        return counters


def _start(levels: dict[int, _Level], num: _Num, ilvl: int) -> int:
    if ilvl in num.overrides:
        return num.overrides[ilvl]
    level = levels.get(ilvl)
    return level.start if level else 1


def _render(levels: dict[int, _Level], counters: dict[int, int], ilvl: int, num: _Num) -> str:
    def replace(match: re.Match[str]) -> str:
        level_index = int(match.group(1)) - 1
        level = levels.get(level_index)
        value = counters.get(level_index, _start(levels, num, level_index))
        return format_number(value, level.fmt if level else "decimal")

    return _PLACEHOLDER_RE.sub(replace, levels[ilvl].text).strip()


def format_number(value: int, fmt: str) -> str:
    """A counter value in one of Word's number formats."""
    if fmt == "none" or fmt == "bullet":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter past z: 27 is "aa", 28 is "bb".
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _to_roman(value)
        return roman if fmt == "lowerRoman" else roman.upper()
    return str(value)


def _to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def _read_numbering(document: Any) -> tuple[dict[str, dict[int, _Level]], dict[str, _Num]]:
    root = _numbering_root(document)
    if root is None:
        return {}, {}
    abstracts: dict[str, dict[int, _Level]] = {}
    for abstract in root.iterchildren(qn("w:abstractNum")):
        levels: dict[int, _Level] = {}
        for lvl in abstract.iterchildren(qn("w:lvl")):
            ilvl = _int(lvl.get(qn("w:ilvl")), -1)
            if 0 <= ilvl < _MAX_LEVELS:
                levels[ilvl] = _Level(
                    start=_int(_child_val(lvl, "w:start"), 1),
                    fmt=_child_val(lvl, "w:numFmt") or "decimal",
                    text=_child_val(lvl, "w:lvlText") or "",
                )
        abstracts[abstract.get(qn("w:abstractNumId")) or ""] = levels
    nums: dict[str, _Num] = {}
    for num in root.iterchildren(qn("w:num")):
        overrides = {}
        for override in num.iterchildren(qn("w:lvlOverride")):
            start = _child_val(override, "w:startOverride")
            if start is not None:
                overrides[_int(override.get(qn("w:ilvl")), 0)] = _int(start, 1)
        nums[num.get(qn("w:numId")) or ""] = _Num(
            _child_val(num, "w:abstractNumId") or "", overrides
        )
    return abstracts, nums


def _numbering_root(document: Any) -> Any:
    """The <w:numbering> element, or None when the file has no numbering part.

    Looked up through the relationship rather than `part.numbering_part`,
    which would invent an empty part for a document without one.
    """
    for rel in document.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _read_style_numbering(document: Any) -> dict[str, tuple[str | None, int | None]]:
    """styleId -> (numId, ilvl) for paragraph styles that carry numbering."""
    try:
        styles_root = document.styles.element
    except (KeyError, ValueError):
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles_root.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        base = _child_val(style, "w:basedOn")
        if base:
            based_on[style_id] = base
        pPr = style.find(qn("w:pPr"))
        numPr = pPr.find(qn("w:numPr")) if pPr is not None else None
        if numPr is not None:
            own[style_id] = _numpr_values(numPr)
    resolved = {}
    for style_id in set(own) | set(based_on):
        current: str | None = style_id
        for _ in range(_MAX_STYLE_DEPTH):
            if current is None or current in own:
                break
            current = based_on.get(current)
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def _numpr_values(numPr: Any) -> tuple[str | None, int | None]:
    num_id = _child_val(numPr, "w:numId")
    ilvl = _child_val(numPr, "w:ilvl")
    return num_id, (_int(ilvl, 0) if ilvl is not None else None)


def _child_val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
