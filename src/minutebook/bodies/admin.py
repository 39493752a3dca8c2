from django.contrib import admin

from minutebook.bodies.models import Body, BodyAlias, Post, PostAlias


class BodyAliasInline(admin.TabularInline):
    model = BodyAlias
    extra = 1
    fields = ["alias", "key"]
    readonly_fields = ["key"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "classification", "parent", "active"]
    list_filter = ["classification", "active"]
    search_fields = ["name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["public_id", "created_at", "updated_at"]
    inlines = [BodyAliasInline]

    def save_formset(self, request, form, formset, change):
        from minutebook.bodies.names import body_key

        for alias in formset.save(commit=False):
            alias.key = body_key(alias.alias)
            alias.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(BodyAlias)
class BodyAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "key", "body"]
    search_fields = ["alias", "key"]
    list_select_related = ["body"]


class PostAliasInline(admin.TabularInline):
    model = PostAlias
    extra = 1
    fields = ["alias", "key"]
    readonly_fields = ["key"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "single_holder"]
    list_filter = ["single_holder"]
    search_fields = ["title", "organisation", "aliases__alias"]
    readonly_fields = ["public_id", "key", "created_at", "updated_at"]
    inlines = [PostAliasInline]

    def save_model(self, request, obj, form, change):
        from minutebook.bodies.resolve import post_key

        obj.key = post_key(obj.title, obj.organisation)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        from minutebook.bodies.resolve import role_key

        for alias in formset.save(commit=False):
            alias.key = role_key(alias.alias)
            alias.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(PostAlias)
class PostAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "key", "post"]
    search_fields = ["alias", "key"]
    list_select_related = ["post"]
