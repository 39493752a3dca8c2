from django.contrib import admin

from minutebook.documents.admin import FactAdmin, ProvenanceInline
from minutebook.recommendations.models import Recommendation, Response


class ResponseInline(admin.StackedInline):
    model = Response
    extra = 0
    fields = ["date", "text", "source", "withdrawn"]


@admin.register(Recommendation)
class RecommendationAdmin(FactAdmin):
    list_display = ["text", "body", "to_text", "date", "withdrawn"]
    list_filter = ["body", "to_post", "withdrawn"]
    search_fields = ["text", "to_text"]
    list_select_related = ["body"]
    raw_id_fields = ["meeting", "item", "to_post"]
    date_hierarchy = "date"
    inlines = [ResponseInline, ProvenanceInline]


@admin.register(Response)
class ResponseAdmin(FactAdmin):
    list_display = ["recommendation", "date", "source", "withdrawn"]
    list_filter = ["withdrawn"]
    search_fields = ["text", "source", "recommendation__text"]
    raw_id_fields = ["recommendation"]
