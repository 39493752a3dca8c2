from django.contrib import admin

from minutebook.documents.admin import FactAdmin, ProvenanceInline
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingDocument,
    MinuteParagraph,
    MinutesApproval,
)


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0
    raw_id_fields = ["document"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "number", "title", "presenter", "outcome_kind", "exempt", "withdrawn"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["kind", "raw_name", "person", "role", "substitute_for_raw", "note", "withdrawn"]
    raw_id_fields = ["person"]


class DeclarationInline(admin.TabularInline):
    model = Declaration
    extra = 0
    fields = ["raw_name", "person", "item", "text", "withdrawn"]
    raw_id_fields = ["person", "item"]


class ApprovalInline(admin.TabularInline):
    model = MinutesApproval
    fk_name = "minutes_of"
    extra = 0
    fields = ["approved_at", "minutes_of_date", "correction", "withdrawn"]
    readonly_fields = fields
    verbose_name_plural = "approvals of these minutes"


@admin.register(Meeting)
class MeetingAdmin(FactAdmin):
    list_display = ["date", "body", "status", "minutes_status", "location", "withdrawn"]
    list_filter = ["body", "status", "minutes_status", "withdrawn"]
    search_fields = ["body__name", "location", "items__title"]
    list_select_related = ["body"]
    date_hierarchy = "date"
    inlines = [
        MeetingDocumentInline,
        AgendaItemInline,
        AttendanceInline,
        DeclarationInline,
        ApprovalInline,
        ProvenanceInline,
    ]


class MinuteParagraphInline(admin.TabularInline):
    model = MinuteParagraph
    extra = 0
    fields = ["order", "number", "text", "withdrawn"]


@admin.register(AgendaItem)
class AgendaItemAdmin(FactAdmin):
    list_display = ["meeting", "number", "title", "outcome_kind", "exempt", "withdrawn"]
    list_filter = ["outcome_kind", "exempt", "withdrawn", "meeting__body"]
    search_fields = ["title", "number", "outcome", "presenter"]
    list_select_related = ["meeting__body"]
    raw_id_fields = ["meeting", "parent", "report_document", "presenter_person"]
    inlines = [MinuteParagraphInline, ProvenanceInline]


@admin.register(MinuteParagraph)
class MinuteParagraphAdmin(FactAdmin):
    list_display = ["item", "number", "order", "withdrawn"]
    list_filter = ["withdrawn"]
    search_fields = ["text", "number"]
    raw_id_fields = ["item"]
    list_select_related = ["item"]


@admin.register(Attendance)
class AttendanceAdmin(FactAdmin):
    list_display = ["meeting", "kind", "raw_name", "person", "role", "note", "withdrawn"]
    list_filter = ["kind", "withdrawn", "meeting__body"]
    search_fields = ["raw_name", "role", "person__display_name", "organisation"]
    list_select_related = ["meeting__body", "person"]
    raw_id_fields = ["meeting", "person", "substitute_for"]


@admin.register(Declaration)
class DeclarationAdmin(FactAdmin):
    list_display = ["meeting", "raw_name", "person", "text", "withdrawn"]
    list_filter = ["withdrawn"]
    search_fields = ["raw_name", "text", "person__display_name"]
    list_select_related = ["meeting__body", "person"]
    raw_id_fields = ["meeting", "item", "person"]


@admin.register(MinutesApproval)
class MinutesApprovalAdmin(FactAdmin):
    list_display = ["minutes_of_date", "minutes_of", "approved_at", "withdrawn"]
    list_filter = ["withdrawn"]
    search_fields = ["correction", "approved_at__body__name"]
    list_select_related = ["approved_at__body", "minutes_of__body"]
    raw_id_fields = ["approved_at", "minutes_of"]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "role", "document"]
    list_filter = ["role", "document__status"]
    search_fields = ["document__name", "meeting__body__name"]
    list_select_related = ["meeting__body", "document"]
    raw_id_fields = ["meeting", "document"]
