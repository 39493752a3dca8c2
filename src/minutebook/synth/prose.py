"""Sentence templates for minutes, reports and decision records.

The text only has to read plausibly and vary enough that a parser cannot
key on one phrasing; the facts it wraps (who, which item, what outcome) come
from the meeting model. All wording is written fresh for minutebook.
"""

from __future__ import annotations

import random

_QUESTIONS = (
    "{a} asked what was driving {x} and whether the trend was expected to continue.",
    "{a} sought assurance that {x} was being monitored closely.",
    "{a} queried how {x} compared with the position reported at the last meeting.",
    "{a} asked whether the figures for {x} took account of the changes agreed earlier in the year.",
    "{a} noted that {x} had been raised previously and asked for an update on progress.",
    "{a} questioned whether {x} would affect the delivery of the Police and Crime Plan.",
    "{a} asked how {x} was reported to the public and to partners.",
    "{a} welcomed the improvement in {x} but asked whether it could be sustained.",
)

_ANSWERS = (
    "{b} explained that {x} had been reviewed in detail and that the main causes were understood.",
    "{b} advised that a plan was in place to address {x} and that it would be tested over the next quarter.",
    "{b} confirmed that {x} was within the tolerance agreed at the start of the year.",
    "{b} reported that {x} had improved by {pct} per cent since the previous report.",
    "{b} acknowledged that {x} remained a concern and that further work was required.",
    "{b} said that benchmarking with similar forces showed {x} to be in line with the national picture.",
    "{b} stated that additional resources had been allocated in {month} to deal with {x}.",
    "{b} advised that the data on {x} was provisional and would be validated before year end.",
)

_COMMENTS = (
    "It was noted that {x} would be considered again when the next quarterly figures were available.",
    "Members discussed {x} at some length, including the effect on neighbourhood teams.",
    "The {noun} recognised the work of staff across the organisation in relation to {x}.",
    "It was agreed that {x} should be reflected in the refreshed risk register.",
    "Discussion followed on {x} and the options available within the current budget.",
    "The report also set out {x}, which had been discussed at the Finance Sub-Group.",
)

_INTROS = (
    "{p} presented the report, which set out {x}.",
    "{p} introduced the report and drew attention to {x}.",
    "{p} took the {noun} through the report, highlighting {x}.",
    "The {noun} received a report from {p} on {x}.",
)

_TASKS = (
    "provide a breakdown of {x}",
    "circulate a briefing note on {x}",
    "review {x} and report back",
    "share the timetable for {x} with members",
    "set out the options for addressing {x}",
    "confirm the latest figures for {x}",
    "arrange a workshop for members on {x}",
)

_UPDATES_OPEN = (
    "Work is under way and an update will be given at the next meeting.",
    "Initial analysis has been completed; the findings are being checked before circulation.",
    "This has been delayed by the year-end work and is now expected next month.",
    "A draft has been prepared and is with the owner for review.",
    "Partners have been asked for their data, which is awaited.",
)

_UPDATES_CLOSED = (
    "The information was circulated to members by email.",
    "Completed: the briefing note was issued and discussed with the Chair.",
    "This was covered in the report considered at this meeting.",
    "The analysis was shared and no further action is needed.",
    "Completed and reflected in the revised plan.",
)

_DECLARATION_REASONS = (
    "as a member of the {town} Community Safety Partnership",
    "as a trustee of the {town} Youth Trust",
    "as a governor of {town} College",
    "as a close relative is employed by the Constabulary",
    "as a volunteer with the {town} victims' support group",
)
_COUNCILLOR_REASONS = (
    "as a member of the planning committee of {council}",
    "as a member of the licensing committee of {council}",
)

_AOB = (
    "{a} raised the arrangements for the forthcoming summer events in {town}.",
    "{a} reminded members of the deadline for comments on the draft policy.",
    "{a} updated the {noun} on the recruitment of a new member of staff.",
    "{a} asked that future papers be circulated a week before the meeting.",
    "{a} gave notice of a seminar on rural crime to be held in {town}.",
)

_RECOMMENDATIONS = (
    "the Commissioner provide a written response on {x} within one month",
    "future reports include {x} broken down by district",
    "the Commissioner report back to the Panel on {x} within six months",
    "the Commissioner publish a summary of {x} on the website",
    "the Commissioner write to the Home Office about {x}",
)

_REPORT_SENTENCES = (
    "This report sets out {x} for the {noun} to consider.",
    "The position has been prepared with the finance and performance teams and reflects the latest available data.",
    "Since the last report, progress has been made against most of the milestones agreed at the start of the year.",
    "The main risks to delivery are described in section 5, together with the controls in place.",
    "Partners have been consulted and their comments are reflected in the recommendations.",
    "The figures are provisional and will be confirmed once the period-end processes are complete.",
    "The work supports the priorities of the Police and Crime Plan and the force's own delivery plan.",
    "An equality impact assessment has been completed and no adverse impact has been identified.",
    "Benchmarking with other forces of a similar size shows the force to be close to the average.",
    "A further update will be brought to the {noun} once the review has concluded.",
    "The report takes account of the views expressed by members at the previous meeting.",
    "Officers will continue to monitor {x} and report any significant change by exception.",
    "The {noun} last considered this subject six months ago and asked for a fuller analysis.",
    "A working group of officers from both organisations has met monthly to oversee {x}.",
    "The timetable assumes that the procurement will be completed before the end of the year.",
    "Feedback from neighbourhood teams has been positive, although some concerns remain.",
    "The data for the most recent quarter shows a modest improvement on the same period last year.",
    "Further detail is available from the author on request and will be placed on the website.",
    "Internal audit reviewed the arrangements during the year and made two recommendations.",
    "The approach has been discussed with neighbouring forces, who face similar pressures.",
    "Savings of this kind will be harder to find in future years as the easier options are used up.",
    "The Commissioner's office has written to partners to seek their views on {x}.",
    "Current forecasts remain sensitive to the outcome of the national pay award.",
    "Members will be kept informed through the regular briefing notes issued between meetings.",
)


def pick(rng: random.Random, options: tuple[str, ...], **fill: str) -> str:
    return rng.choice(options).format(**fill)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def intro(rng: random.Random, presenter: str, aspect: str, noun: str) -> str:
    return cap(pick(rng, _INTROS, p=presenter, x=aspect, noun=noun))


def discussion(rng: random.Random, asker: str, answerer: str, aspect: str, noun: str) -> str:
    """A question, an answer and sometimes a comment: one minuted paragraph."""
    parts = [
        cap(pick(rng, _QUESTIONS, a=asker, x=aspect)),
        cap(
            pick(
                rng,
                _ANSWERS,
                b=answerer,
                x=aspect,
                pct=str(rng.randint(2, 18)),
                month=rng.choice(("April", "June", "September", "January")),
            )
        ),
    ]
    if rng.random() < 0.5:
        parts.append(pick(rng, _COMMENTS, x=aspect, noun=noun))
    return " ".join(parts)


def question_answer(rng: random.Random, answerer: str, aspect: str) -> str:
    """A lettered Q&A point, council style: "Members asked ...; the Commissioner explained ..."."""
    q = pick(rng, _QUESTIONS, a="Members", x=aspect)
    a = pick(
        rng,
        _ANSWERS,
        b=answerer,
        x=aspect,
        pct=str(rng.randint(2, 18)),
        month=rng.choice(("April", "June", "September", "January")),
    )
    return f"{q[:-1]}; {a[0].lower()}{a[1:]}"


def task(rng: random.Random, aspect: str) -> str:
    return pick(rng, _TASKS, x=aspect)


def update(rng: random.Random, closed: bool) -> str:
    return rng.choice(_UPDATES_CLOSED if closed else _UPDATES_OPEN)


def declaration_reason(rng: random.Random, town: str, council: str, councillor: bool) -> str:
    options = _DECLARATION_REASONS + (_COUNCILLOR_REASONS if councillor else ())
    return pick(rng, options, town=town, council=council)


def aob(rng: random.Random, asker: str, town: str, noun: str) -> str:
    return cap(pick(rng, _AOB, a=asker, town=town, noun=noun))


def recommendation(rng: random.Random, aspect: str) -> str:
    return pick(rng, _RECOMMENDATIONS, x=aspect)


def report_paragraph(rng: random.Random, aspect: str, noun: str, sentences: int = 3) -> str:
    """A paragraph of report text: long enough to make a pack run to several pages."""
    chosen = rng.sample(_REPORT_SENTENCES, k=min(sentences, len(_REPORT_SENTENCES)))
    return " ".join(s.format(x=aspect, noun=noun) for s in chosen)


def title_case(phrase: str) -> str:
    """ "the use of earmarked reserves" -> "Use of Earmarked Reserves" for an item title."""
    small = {"of", "the", "and", "for", "in", "on", "to", "a", "with", "by"}
    words = phrase.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))
