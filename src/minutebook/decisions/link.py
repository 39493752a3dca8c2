"""Linking citations of decision numbers in minutes to the decision records.

Minutes may cite "CPCC 2018-012" before the decision record is imported,
or after: a citation is always stored with its raw number, and linked from
whichever side arrives second.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q

from minutebook.decisions.models import Decision, DecisionCitation
from minutebook.decisions.numbers import DecisionNumber


def decision_for(number: DecisionNumber | None) -> Decision | None:
    """The decision a cited number means: the same folded number, or for a number printed
    without its prefix ("decision 2018-012") the only decision of that year and sequence."""
    if number is None:
        return None
    found = Decision.objects.filter(number_key=number.key).first()
    if found is not None or number.prefix:
        return found
    same = list(Decision.objects.filter(year=number.year, sequence=number.sequence)[:2])
    return same[0] if len(same) == 1 else None


def decisions_for(
    numbers: list[DecisionNumber | None], may_be_stored: Callable[[str], bool] | None = None
) -> dict[DecisionNumber, Decision | None]:
    """`decision_for` of many numbers, the prefixed ones in one query.

    `may_be_stored` (a folded number to whether it may be stored) leaves out
    of the query the numbers the caller knows are not: with none left, there
    is no query.
    """
    keys = {n.key for n in numbers if n is not None}
    if may_be_stored is not None:
        keys = {key for key in keys if may_be_stored(key)}
    found = (
        {d.number_key: d for d in Decision.objects.filter(number_key__in=keys).order_by()}
        if keys
        else {}
    )
    out: dict[DecisionNumber, Decision | None] = {}
    for number in numbers:
        if number is None or number in out:
            continue
        if number.key in found or number.prefix:
            out[number] = found.get(number.key)
        else:
            out[number] = decision_for(number)
    return out


def link_waiting_citations(decision: Decision, *, bare_waiting: bool = True) -> int:
    """Citations stored before `decision` arrived now point at it.

    `bare_waiting=False` says no citation without a prefix waits for this year
    and sequence, which spares counting the decisions that share them.
    """
    if not decision.number_key:
        return 0
    bare = Q(year=decision.year, sequence=decision.sequence) & ~Q(number_key__regex=r"^[A-Z]")
    unique_bare = (
        bare_waiting
        and Decision.objects.filter(year=decision.year, sequence=decision.sequence).count() == 1
    )
    match = Q(number_key=decision.number_key) | (bare if unique_bare else Q(pk__in=[]))
    return DecisionCitation.objects.filter(match, decision__isnull=True).update(decision=decision)
