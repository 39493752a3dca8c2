from django.contrib import admin

from minutebook.actions.models import Action, ActionUpdate
from minutebook.documents.admin import FactAdmin, ProvenanceInline


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    fields = ["date", "meeting", "status", "text", "withdrawn"]
    raw_id_fields = ["meeting"]


@admin.register(Action)
class ActionAdmin(FactAdmin):
    list_display = ["reference", "text", "body", "raised_on", "owner_text", "status", "withdrawn"]
    list_filter = ["status", "body", "withdrawn"]
    search_fields = ["reference", "text", "owner_text", "owner__display_name"]
    list_select_related = ["body"]
    raw_id_fields = ["raised_at", "raised_under", "owner", "closed_at"]
    date_hierarchy = "raised_on"
    inlines = [ActionUpdateInline, ProvenanceInline]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(FactAdmin):
    list_display = ["action", "date", "status", "meeting", "withdrawn"]
    list_filter = ["status", "withdrawn"]
    search_fields = ["text", "action__text", "action__reference"]
    list_select_related = ["action", "meeting__body"]
    raw_id_fields = ["action", "meeting"]
