from django.contrib import admin, messages

from minutebook.documents.admin import ProvenanceInline
from minutebook.people.models import Membership, Person, PersonMatchReview, PersonName
from minutebook.people.review import confirm_match, reject_match


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 1
    fields = ["name", "kind", "key"]
    readonly_fields = ["key"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["post", "body", "role", "start", "end", "basis"]
    raw_id_fields = ["post", "body"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["display_name", "sort_name", "created_at"]
    search_fields = ["display_name", "names__name"]
    readonly_fields = ["public_id", "created_at", "updated_at"]
    inlines = [PersonNameInline, MembershipInline]

    def save_formset(self, request, form, formset, change):
        from minutebook.people.names import name_key

        for obj in formset.save(commit=False):
            if isinstance(obj, PersonName):
                obj.key = name_key(obj.name)
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(PersonName)
class PersonNameAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "key", "person"]
    list_filter = ["kind"]
    search_fields = ["name", "key", "person__display_name"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "post", "body", "role", "start", "end", "basis"]
    list_filter = ["basis", "body", "post"]
    search_fields = ["person__display_name", "role", "post__title", "body__name"]
    list_select_related = ["person", "post", "body"]
    raw_id_fields = ["person", "post", "body"]
    readonly_fields = ["public_id", "created_at", "updated_at"]
    inlines = [ProvenanceInline]


@admin.register(PersonMatchReview)
class PersonMatchReviewAdmin(admin.ModelAdmin):
    list_display = ["raw_text", "suggested", "confidence", "on_date", "context", "status"]
    list_filter = ["status", "field_name"]
    search_fields = ["raw_text", "context", "suggested__display_name"]
    list_select_related = ["suggested"]
    raw_id_fields = ["suggested", "decided_person", "document"]
    readonly_fields = [
        "public_id",
        "content_type",
        "object_id",
        "field_name",
        "candidates",
        "decided_at",
    ]
    actions = ["confirm_suggestion", "reject_suggestion"]

    @admin.action(description="Confirm the suggested person")
    def confirm_suggestion(self, request, queryset):
        done = 0
        for review in queryset.filter(
            status=PersonMatchReview.Status.OPEN, suggested__isnull=False
        ):
            confirm_match(review)
            done += 1
        self.message_user(request, f"{done} match(es) confirmed.", messages.SUCCESS)

    @admin.action(description="Reject the suggestion")
    def reject_suggestion(self, request, queryset):
        for review in queryset.filter(status=PersonMatchReview.Status.OPEN):
            reject_match(review)
