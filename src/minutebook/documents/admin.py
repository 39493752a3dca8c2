from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from minutebook.documents.models import ImportRun, ImportRunFile, Provenance, SourceDocument


class ProvenanceInline(GenericTabularInline):
    """The evidence of a fact: read-only, it is written by the importer alone."""

    model = Provenance
    ct_field = "content_type"
    ct_fk_field = "object_id"
    extra = 0
    can_delete = False
    fields = ["document", "page", "first_line", "last_line", "confidence", "raw_text"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class FactAdmin(admin.ModelAdmin):
    """Shared by every imported fact: its provenance shown read-only, withdrawn facts filterable."""

    inlines = [ProvenanceInline]
    readonly_fields = ["public_id", "created_at", "updated_at"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "media_type", "page_count", "imported_at"]
    list_filter = ["status", "kind", "media_type"]
    search_fields = ["name", "sha256", "path", "publication_key"]
    readonly_fields = [
        "public_id",
        "sha256",
        "imported_at",
        "created_at",
        "updated_at",
        "supersedes",
    ]
    raw_id_fields = ["supersedes"]
    date_hierarchy = "imported_at"


@admin.register(Provenance)
class ProvenanceAdmin(admin.ModelAdmin):
    list_display = [
        "fact",
        "content_type",
        "document",
        "page",
        "first_line",
        "last_line",
        "confidence",
    ]
    list_filter = ["content_type", "document__status"]
    search_fields = ["raw_text", "document__name"]
    list_select_related = ["document", "content_type"]
    readonly_fields = [f.name for f in Provenance._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


class ImportRunFileInline(admin.TabularInline):
    model = ImportRunFile
    extra = 0
    can_delete = False
    fields = ["path", "outcome", "reason", "document", "counts"]
    readonly_fields = fields


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "finished_at", "inserted", "updated", "unchanged", "failed"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
    inlines = [ImportRunFileInline]


@admin.register(ImportRunFile)
class ImportRunFileAdmin(admin.ModelAdmin):
    list_display = ["path", "outcome", "reason", "run"]
    list_filter = ["outcome"]
    search_fields = ["path", "reason", "sha256"]
    readonly_fields = [f.name for f in ImportRunFile._meta.fields]
