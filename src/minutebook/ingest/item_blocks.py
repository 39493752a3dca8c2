"""What the text of one minuted item records: paragraphs, actions, the log, recommendations.

An item's blocks are read in order. Some open a list whose bullets follow
("It was agreed that:", "Recommendations to the Commissioner"); tables are
read by their header (an action log, a summary of actions); sentences that
assign work to someone present ("NH would add a notes column") are actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from minutebook.ingest import action_log
from minutebook.ingest.lines import PARAGRAPH_NUMBER, ROMAN_OR_LETTER, Block

OUTCOMES = [
    (outcome, re.compile(pattern, re.I))
    for outcome, pattern in (
        ("noted", r"\b(?:agreed|resolved)\s+to\s+note\b"),
        ("deferred", r"\b(?:deferred|postponed|withdrawn from the agenda)\b"),
        ("resolved", r"\bresolved\b"),
        ("approved", r"\b(?:approved|endorsed|ratified)\b"),
        ("agreed", r"\bagreed\b"),
        ("noted", r"\b(?:noted|received the (?:report|update|minutes))\b"),
    )
]
AGREED_INTRO = re.compile(r"(?:\b(?:it\s+was\s+)?agreed\b|\bactions?\b)[^:]{0,60}:\s*$", re.I)
RECOMMENDATION_INTRO = re.compile(r"\brecommendations?\b[^:]*:\s*$", re.I)
RECOMMENDATION_HEADING = re.compile(r"^(?:panel\s+|the\s+)?recommendations?\b[\w\s']{0,40}$", re.I)
ACTIONS_HEADING = re.compile(
    r"^(?:summary\s+of\s+)?(?:new\s+|agreed\s+)?actions(?:\s+agreed|\s+arising)?$", re.I
)
RECOMMENDATION_TO = re.compile(r"\b(?:for|to)\s+(?P<to>(?:the\s+)?[A-Z][\w' ]{2,60}?)\s*:?\s*$")
RECOMMENDED_THAT = re.compile(
    r"\brecommend(?:ed|s)\s+(?:to\s+(?:the\s+)?[A-Z][\w ]{2,40}?\s+)?that\s+(?P<text>.+)", re.I
)
ADDRESSEE = re.compile(
    r"^(?P<to>the\s+(?:[A-Z][\w'-]*\s*){1,5}?)\s+(?:should|be|to|publish|provide|consider|review|share|write|report|ensure|bring|include|respond|note)\b"
)
ITEM_PREFIX = re.compile(r"^(?:item\s+)?(?P<item>\d{1,3}(?:\.\d+)*)\s*[:.\-\u2013]\s+", re.I)
NARRATIVE_ACTION = re.compile(
    r"^(?P<who>[A-Z][\w/'.-]*(?:\s+[A-Z][\w'-]*){0,2})\s+"
    r"(?:would|will|offered\s+to|agreed\s+to|undertook\s+to)\s+[a-z]"
)
SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z(])")


def outcome_of(text: str) -> str | None:
    for outcome, pattern in OUTCOMES:
        if pattern.search(text):
            return outcome
    return None


@dataclass
class ItemReader:
    """Reads one item's blocks into the meeting's facts; returns the item's paragraphs."""

    meeting: dict[str, Any]
    number: str
    known_people: set[str]
    paragraph_number: str | None = None
    intro: tuple[str, str | None] | None = (
        None  # the line that opened the list the bullets belong to
    )
    table: tuple[str, dict[str, int]] | None = None  # the kind and columns of the table being read
    paragraphs: list[dict[str, Any]] = field(default_factory=list)

    def read(self, blocks: list[Block]) -> list[dict[str, Any]]:
        self.paragraph_number = self.number
        for block in blocks:
            text = block.text.strip()
            match = PARAGRAPH_NUMBER.match(text)
            if match:
                self.paragraph_number = match.group(1)
                text = text[match.end() :].strip()
            self.paragraphs.append(
                {"number": match.group(1) if match else None, "text": text, "span": block.span()}
            )
            self.read_block(block, text)
        return self.paragraphs

    def read_block(self, block: Block, text: str) -> None:
        if block.cells and self.read_table_row(block):
            return
        self.table = None
        entry = action_log.log_entry(text, block.span())
        if entry:
            self.meeting["action_log"].append(entry)
            self.intro = None
            return
        task = action_log.new_action_text(text)
        if task:
            self.add_action(task, self.paragraph_number, block)
            self.intro = None
            return
        if block.bullet and self.intro:
            self.read_bullet(block, text)
            return
        self.intro = None
        if RECOMMENDATION_INTRO.search(text) or RECOMMENDATION_HEADING.match(text):
            to = RECOMMENDATION_TO.search(text)
            self.intro = ("recommendation", to["to"].strip() if to else None)
            return
        if AGREED_INTRO.search(text) or ACTIONS_HEADING.match(text):
            self.intro = ("action", None)
            return
        self.read_sentences(block, text)

    def read_table_row(self, block: Block) -> bool:
        """A row of an action log or of a table of new actions; False when not in such a table."""
        found = action_log.table_columns(block.cells)
        if found:
            self.table = found
            return True
        if not self.table:
            return False
        kind, columns = self.table
        if kind == "log":
            entry = action_log.log_table_row(block.cells, columns, block.span())
            if entry:
                self.meeting["action_log"].append(entry)
        else:
            row = action_log.action_table_row(block.cells, columns, block.span(), self.known_people)
            if row and outcome_of(row["text"]) is None:
                self.meeting["actions"].append(row)
        return True

    def read_bullet(self, block: Block, text: str) -> None:
        kind, to = self.intro
        item = self.number
        prefix = ITEM_PREFIX.match(text)
        if prefix:
            item, text = prefix["item"], text[prefix.end() :]
        if kind == "recommendation":
            text = re.sub(r"^that\s+", "", text, flags=re.I)
            self.add_recommendation(item, to, text, block)
        elif outcome_of(text) is None:
            self.add_action(text, item, block)

    def read_sentences(self, block: Block, text: str) -> None:
        """Actions and recommendations written into the prose of the minutes."""
        roman = ROMAN_OR_LETTER.match(text)
        if roman:
            body = text[roman.end() :].strip()
            who = NARRATIVE_ACTION.match(body)
            if who and outcome_of(body) is None and self.is_person(who["who"]):
                self.add_action(body, self.paragraph_number, block)
            return
        for sentence in SENTENCE_SPLIT.split(text):
            recommended = RECOMMENDED_THAT.search(sentence)
            if recommended:
                self.add_recommendation(self.number, None, recommended["text"], block)
                continue
            who = NARRATIVE_ACTION.match(sentence)
            if who and self.is_person(who["who"]):
                self.add_action(sentence.strip(), self.paragraph_number, block)

    def add_action(self, text: str, item: str | None, block: Block) -> None:
        self.meeting["actions"].append(
            action_log.new_action(text, item, block.span(), self.known_people)
        )

    def add_recommendation(self, item: str, to: str | None, text: str, block: Block) -> None:
        text = text.strip().rstrip(".") + "."
        if to is None:
            addressee = ADDRESSEE.match(text)
            to = addressee["to"].strip() if addressee else None
        self.meeting["recommendations"].append(
            {"item": item, "to": to, "text": text, "span": block.span()}
        )

    def is_person(self, who: str) -> bool:
        """An owner named as someone present: their name, surname, or initials defined at the top."""
        who = who.strip()
        if who in self.known_people:
            return True
        return who in {name.split()[-1] for name in self.known_people if name}


def read_item_blocks(
    meeting: dict[str, Any], number: str, blocks: list[Block], known_people: set[str]
) -> list[dict[str, Any]]:
    return ItemReader(meeting, number, known_people).read(blocks)
