from django.contrib import admin, messages

from minutebook.bodies.models import Body, BodyAlias, Post, PostAlias


class BodyAliasInline(admin.TabularInline):
    model = BodyAlias
    extra = 1
    fields = ["alias", "key"]
    readonly_fields = ["key"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "classification", "parent", "active"]
    list_filter = ["classification", "active", "organisation"]
    search_fields = ["name", "organisation", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["public_id", "organisation_key", "created_at", "updated_at"]
    inlines = [BodyAliasInline]

    def save_model(self, request, obj, form, change):
        """A changed organisation moves the aliases to its key (`sync_alias_organisation`);
        an alias another body of that organisation already has is dropped, and said so."""
        from minutebook.bodies.resolve import sync_alias_organisation

        super().save_model(request, obj, form, change)
        if change and "organisation" in form.changed_data:
            dropped = sync_alias_organisation(obj)
            if dropped:
                self.message_user(
                    request,
                    "Aliases another body of this organisation has were removed: "
                    + ", ".join(dropped),
                    level=messages.WARNING,
                )

    def save_formset(self, request, form, formset, change):
        from minutebook.bodies.names import body_key

        for alias in formset.save(commit=False):
            alias.key = body_key(alias.alias)
            alias.organisation_key = form.instance.organisation_key
            alias.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(BodyAlias)
class BodyAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "key", "organisation_key", "body"]
    search_fields = ["alias", "key"]
    list_select_related = ["body"]


class PostAliasInline(admin.TabularInline):
    model = PostAlias
    extra = 1
    fields = ["alias", "key"]
    readonly_fields = ["key"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "area", "single_holder"]
    list_filter = ["single_holder", "area"]
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
