from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BudgetLine, Challenge, Entry, Feedback, Match, Pledge, Project, SuggestedMatch


@admin.register(Entry)
class EntryAdmin(SimpleHistoryAdmin):
    list_display = ["title", "side", "state", "area", "kind", "status", "visibility", "confirmed_at", "is_demo"]
    list_filter = ["side", "area", "kind", "status", "visibility", "is_demo"]
    search_fields = ["title", "description", "geographic_focus"]
    raw_id_fields = ["submitted_by"]
    readonly_fields = ["version", "created_at", "updated_at"]


@admin.register(Match)
class MatchAdmin(SimpleHistoryAdmin):
    list_display = ["need", "offer", "status", "score", "created_at", "notified_at"]
    list_filter = ["status"]
    search_fields = ["need__title", "offer__title", "note"]
    raw_id_fields = ["need", "offer", "proposed_by"]


@admin.register(SuggestedMatch)
class SuggestedMatchAdmin(admin.ModelAdmin):
    list_display = ["need", "offer", "score", "found_at"]
    list_filter = ["score"]
    search_fields = ["need__title", "offer__title"]
    raw_id_fields = ["need", "offer"]


@admin.register(Challenge)
class ChallengeAdmin(SimpleHistoryAdmin):
    list_display = ["state", "obligation", "nature", "source", "consent_to_share", "is_demo"]
    list_filter = ["obligation", "nature", "source", "consent_to_share", "is_demo"]
    search_fields = ["description"]


@admin.register(Feedback)
class FeedbackAdmin(SimpleHistoryAdmin):
    list_display = ["created_at", "state", "usefulness"]
    list_filter = ["usefulness"]
    search_fields = ["what_works", "what_to_improve"]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class PledgeInline(admin.TabularInline):
    model = Pledge
    extra = 0
    raw_id_fields = ["donor_entity", "donor_state", "donor_organisation"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner_mechanism", "owner_entity", "starts_on", "ends_on", "currency", "is_demo"]
    list_filter = ["currency", "is_demo"]
    search_fields = ["title", "objectives", "managers"]
    inlines = [BudgetLineInline, PledgeInline]


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["project", "donor_description", "donor_state", "donor_entity", "status", "amount", "currency"]
    list_filter = ["status", "currency"]
    search_fields = ["project__title", "donor_description"]
    raw_id_fields = ["donor_entity", "donor_state", "donor_organisation"]


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    list_display = ["project", "label", "amount"]
    list_filter = ["project"]
    search_fields = ["label", "project__title"]
