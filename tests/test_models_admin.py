"""Every record has a working admin: its list, search and change page render."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from minutebook.people.models import PersonMatchReview
from tests.factories import (
    decision_record,
    extract,
    item,
    log_entry,
    minutes,
    new_action,
    person,
    store,
)

pytestmark = pytest.mark.django_db

APPS = {
    "core",
    "bodies",
    "people",
    "documents",
    "meetings",
    "actions",
    "decisions",
    "recommendations",
}
MODELS = sorted(
    (m for m in admin.site._registry if m._meta.app_label in APPS), key=lambda m: m._meta.label
)


@pytest.fixture
def record():
    store(
        extract(
            meetings=[
                minutes(
                    present=[person("Helen Smith", "Chief Constable"), person("Andy Smith")],
                    declarations=[{"name": "Smith", "text": "an interest"}],
                    items=[
                        item(
                            "2",
                            "Finance",
                            "noted",
                            paragraphs=[{"number": "2.1", "text": "Noted."}],
                        )
                    ],
                    actions=[new_action("Chief Constable to report", item="2")],
                    action_log=[log_entry("3.0", "1", "2019-01-01", "Old", "Done", "closed")],
                    recommendations=[{"item": "2", "to": "the Commissioner", "text": "Publish"}],
                    decisions=[{"item": "2", "number": "CPCC 2019-001", "text": "Noted"}],
                    previous_minutes_approved=["2019-01-01"],
                )
            ],
            decision_records=[decision_record("CPCC 2019-001", exempt="Withheld")],
        )
    )


def test_every_record_model_is_registered_in_the_admin():
    from django.apps import apps

    ours = {m for m in apps.get_models() if m._meta.app_label in APPS}
    assert ours - set(admin.site._registry) == set()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_admin_list_search_and_change_pages_render(admin_client, record, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "Smith"}).status_code == 200
    obj = model._default_manager.first()
    if obj is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert admin_client.get(change).status_code == 200


def test_the_review_queue_confirms_a_suggestion_from_the_list(admin_client, record):
    review = PersonMatchReview.objects.get()
    url = reverse("admin:people_personmatchreview_changelist")
    response = admin_client.post(
        url, {"action": "confirm_suggestion", "_selected_action": [review.pk]}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == PersonMatchReview.Status.CONFIRMED


def test_setting_a_bodys_organisation_in_the_admin_moves_its_aliases(admin_client):
    from minutebook.bodies.models import Body
    from minutebook.bodies.resolve import resolve_body

    board = resolve_body("Business Co-ordination Board")
    url = reverse("admin:bodies_body_change", args=[board.pk])
    form = {
        "name": board.name,
        "slug": board.slug,
        "classification": board.classification,
        "organisation": "Marchmoor OPCC",
        "active": "on",
        "extras": "{}",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    board = Body.objects.get()
    assert board.organisation_key == "marchmoor"
    assert set(board.aliases.values_list("organisation_key", flat=True)) == {"marchmoor"}
    assert resolve_body("Business Co-ordination Board", "Harrowdale OPCC") != board
    changelist = reverse("admin:bodies_body_changelist")
    assert "Marchmoor OPCC" in admin_client.get(changelist, {"q": "Marchmoor"}).content.decode()
