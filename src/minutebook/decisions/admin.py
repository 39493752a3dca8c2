from django.contrib import admin

from minutebook.decisions.models import Decision, DecisionCitation, DecisionExemptPart
from minutebook.documents.admin import FactAdmin, ProvenanceInline


class DecisionCitationInline(admin.TabularInline):
    model = DecisionCitation
    extra = 0
    fields = ["meeting", "item", "raw_number", "text", "withdrawn"]
    raw_id_fields = ["meeting", "item"]


class DecisionExemptPartInline(admin.StackedInline):
    model = DecisionExemptPart
    extra = 0
    verbose_name = "exempt part (never shown publicly)"


@admin.register(Decision)
class DecisionAdmin(FactAdmin):
    list_display = ["number", "subject", "date", "signed_by_text", "withdrawn"]
    list_filter = ["year", "withdrawn"]
    search_fields = ["number", "number_key", "subject", "decision_text", "summary"]
    raw_id_fields = ["signed_by", "body"]
    readonly_fields = [*FactAdmin.readonly_fields, "number_key"]
    date_hierarchy = "date"
    inlines = [DecisionExemptPartInline, DecisionCitationInline, ProvenanceInline]


@admin.register(DecisionCitation)
class DecisionCitationAdmin(FactAdmin):
    list_display = ["raw_number", "decision", "meeting", "text", "withdrawn"]
    list_filter = ["withdrawn", ("decision", admin.EmptyFieldListFilter)]
    search_fields = ["raw_number", "number_key", "text"]
    list_select_related = ["decision", "meeting__body"]
    raw_id_fields = ["meeting", "item", "decision"]


@admin.register(DecisionExemptPart)
class DecisionExemptPartAdmin(admin.ModelAdmin):
    """Officers only: the withheld part of a decision never leaves the admin."""

    list_display = ["decision", "paragraph"]
    search_fields = ["decision__number", "decision__number_key"]
    list_select_related = ["decision"]
    raw_id_fields = ["decision"]
