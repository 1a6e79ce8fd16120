from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Cluster, Recommendation, Reference, Report, StatusUpdate, SuggestedAction, Tag
from .services import recommendation_refresh_status


@admin.register(Report)
class ReportAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["symbol", "title", "date", "organ"]
    search_fields = ["symbol", "title"]
    list_filter = ["organ"]


@admin.register(Cluster)
class ClusterAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    list_filter = ["position"]


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["id", "position", "cluster", "status", "updated_at"]
    search_fields = ["text", "references__report__symbol"]
    list_filter = ["cluster", "status", "references__report"]
    inlines = [ReferenceInline]


@admin.register(Reference)
class ReferenceAdmin(SimpleHistoryAdmin):
    list_display = ["report", "number", "recommendation"]
    search_fields = ["report__symbol"]
    list_filter = ["report"]


@admin.register(SuggestedAction)
class SuggestedActionAdmin(SimpleHistoryAdmin):
    list_display = ["id", "recommendation", "addressee", "status", "last_status_update_at"]
    search_fields = ["text"]
    list_filter = ["addressee", "status", "recommendation__cluster", "implementing_entities"]
    filter_horizontal = ["implementing_entities", "organisations", "tags"]
    raw_id_fields = ["recommendation"]

    def save_related(self, request, form, formsets, change):
        # An edited action changes its recommendation too (derived status, updated_at for
        # incremental pulls and ETags).
        super().save_related(request, form, formsets, change)
        recommendation_refresh_status(recommendation=form.instance.recommendation)

    def delete_model(self, request, obj):
        recommendation = obj.recommendation
        super().delete_model(request, obj)
        recommendation_refresh_status(recommendation=recommendation)


@admin.register(StatusUpdate)
class StatusUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "date", "status", "on_behalf_of", "author"]
    search_fields = ["note", "action__text"]
    list_filter = ["status", "on_behalf_of"]
    raw_id_fields = ["action"]


@admin.register(Tag)
class TagAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "name"]
    search_fields = ["code", "name"]
    list_filter = ["kind"]
