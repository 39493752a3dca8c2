"""Public pages: read-only views over the record, each fact linked to its source lines.

Imported text is untrusted: templates rely on Django's autoescaping and never
mark imported text safe. Exempt parts of decisions are never rendered here.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from minutebook.actions.models import Action, ActionUpdate
from minutebook.bodies.models import Body
from minutebook.decisions.models import Decision, DecisionCitation
from minutebook.documents.models import SourceDocument
from minutebook.meetings.models import AgendaItem, Attendance, Meeting

PAGE_SIZE = 50


def home(request: HttpRequest) -> HttpResponse:
    bodies = Body.objects.annotate(
        meeting_count=Count("meetings", filter=Q(meetings__withdrawn=False), distinct=True),
        open_action_count=Count(
            "actions",
            filter=Q(actions__withdrawn=False) & ~Q(actions__status="closed"),
            distinct=True,
        ),
    ).order_by("name")
    recent = Meeting.objects.live().select_related("body").order_by("-date")[:12]
    return render(request, "portal/home.html", {"bodies": bodies, "recent": recent})


def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    meetings = body.meetings.live().order_by("-date")
    open_actions = (
        body.actions.live()
        .exclude(status="closed")
        .select_related("raised_at")
        .order_by("raised_on")
    )
    return render(
        request,
        "portal/body.html",
        {"body": body, "meetings": meetings, "open_actions": open_actions},
    )


def meeting_detail(request: HttpRequest, public_id) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), public_id=public_id)
    items = (
        meeting.items.live()
        .prefetch_related("paragraphs", Prefetch("actions", queryset=Action.objects.live()))
        .order_by("order")
    )
    attendance = meeting.attendance.live().select_related("person").order_by("kind", "pk")
    groups = {
        kind: [a for a in attendance if a.kind == kind] for kind, _ in Attendance.Kind.choices
    }
    reviewed = (
        ActionUpdate.objects.live()
        .filter(meeting=meeting)
        .select_related("action", "action__raised_at")
        .order_by("pk")
    )
    citations = DecisionCitation.objects.live().filter(meeting=meeting).select_related("decision")
    documents = meeting.meeting_documents.select_related("document").order_by("role")
    return render(
        request,
        "portal/meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "attendance": groups,
            "declarations": meeting.declarations.live().select_related("person"),
            "actions": meeting.actions_raised.live().select_related("raised_under"),
            "reviewed": reviewed,
            "citations": citations,
            "documents": documents,
            "provenance": first_provenance(meeting),
        },
    )


def first_provenance(fact):
    return fact.provenance.select_related("document").order_by("pk").first()


def action_list(request: HttpRequest) -> HttpResponse:
    actions = (
        Action.objects.live()
        .select_related("body", "raised_at")
        .order_by("body__name", "raised_on", "pk")
    )
    status = request.GET.get("status", "outstanding")
    if status == "outstanding":
        actions = actions.exclude(status="closed")
    elif status in {"open", "on-going", "closed"}:
        actions = actions.filter(status=status)
    body = request.GET.get("body")
    if body:
        actions = actions.filter(body__slug=body)
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/actions.html",
        {"page": page, "status": status, "bodies": Body.objects.order_by("name")},
    )


def action_detail(request: HttpRequest, public_id) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("body", "raised_at", "raised_under", "owner", "closed_at"),
        public_id=public_id,
    )
    updates = action.updates.live().select_related("meeting").order_by("date", "pk")
    return render(
        request,
        "portal/action.html",
        {"action": action, "updates": updates, "provenance": first_provenance(action)},
    )


def decision_list(request: HttpRequest) -> HttpResponse:
    decisions = (
        Decision.objects.live().select_related("body").order_by("-year", "-sequence", "number")
    )
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/decisions.html", {"page": page})


def decision_detail(request: HttpRequest, public_id) -> HttpResponse:
    decision = get_object_or_404(Decision.objects.select_related("body"), public_id=public_id)
    citations = decision.citations.live().select_related("meeting", "meeting__body")
    return render(
        request,
        "portal/decision.html",
        {"decision": decision, "citations": citations, "provenance": first_provenance(decision)},
    )


def document_detail(request: HttpRequest, public_id) -> HttpResponse:
    document = get_object_or_404(SourceDocument, public_id=public_id)
    first, last = parse_line_range(request.GET.get("lines"))
    lines = [
        {"number": n, "text": text, "marked": first is not None and first <= n <= last}
        for n, text in enumerate(document.text.split("\n"), start=1)
    ]
    return render(
        request, "portal/document.html", {"document": document, "lines": lines, "first": first}
    )


def parse_line_range(raw: str | None) -> tuple[int | None, int | None]:
    if not raw:
        return None, None
    try:
        first, _, last = raw.partition("-")
        first_line = int(first)
        return first_line, int(last) if last else first_line
    except ValueError:
        return None, None


def search(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:200]
    results = {}
    if query:
        results = {
            "meetings": Meeting.objects.live()
            .filter(Q(body__name__icontains=query) | Q(location__icontains=query))
            .select_related("body")[:20],
            "items": AgendaItem.objects.live()
            .filter(title__icontains=query)
            .select_related("meeting", "meeting__body")[:50],
            "actions": Action.objects.live()
            .filter(text__icontains=query)
            .select_related("body")[:50],
            "decisions": Decision.objects.live().filter(
                Q(subject__icontains=query) | Q(number__icontains=query)
            )[:50],
        }
    return render(request, "portal/search.html", {"query": query, "results": results})
