from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import models as m


class MembershipInline(admin.TabularInline):
    model = m.Membership
    extra = 0
    raw_id_fields = ["entity", "state", "organisation"]


class ObjectiveInline(admin.TabularInline):
    model = m.Objective
    extra = 0


@admin.register(m.Mechanism)
class MechanismAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "lead_entity", "lead_state", "established_on", "is_demo"]
    search_fields = ["name", "acronym", "mandate"]
    list_filter = ["kind", "is_demo"]
    prepopulated_fields = {"slug": ["acronym"]}
    inlines = [MembershipInline, ObjectiveInline]


@admin.register(m.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["mechanism", "entity", "state", "organisation", "role", "since", "until"]
    search_fields = ["mechanism__name", "entity__acronym", "organisation__name", "note"]
    list_filter = ["role", "mechanism"]


@admin.register(m.Objective)
class ObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["mechanism", "kind", "label", "text", "status"]
    search_fields = ["text"]
    list_filter = ["kind", "status", "mechanism"]


class ParticipantInline(admin.TabularInline):
    model = m.Participant
    extra = 0


class DecisionInline(admin.TabularInline):
    model = m.Decision
    extra = 0


class AgendaInline(admin.TabularInline):
    model = m.AgendaItem
    extra = 0


class DocumentInline(admin.TabularInline):
    model = m.MeetingDocument
    extra = 0


class ProcessCheckInline(admin.TabularInline):
    model = m.ProcessCheck
    extra = 0


@admin.register(m.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "mechanism", "date", "date_precision", "level", "kind", "status", "is_confidential"]
    search_fields = ["title", "summary", "place"]
    list_filter = ["kind", "level", "status", "is_confidential", "mechanism"]
    date_hierarchy = "date"
    inlines = [AgendaInline, ParticipantInline, DecisionInline, DocumentInline, ProcessCheckInline]


@admin.register(m.Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "entity", "state", "organisation", "role", "capacity"]
    search_fields = ["meeting__title", "entity__acronym", "organisation__name"]
    list_filter = ["role", "capacity"]


@admin.register(m.Decision, m.AgendaItem)
class MeetingTextAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "order"]
    search_fields = ["meeting__title"]
    list_filter = ["meeting__mechanism"]


@admin.register(m.MeetingDocument)
class MeetingDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "url", "file"]
    search_fields = ["title"]
    list_filter = ["meeting__mechanism"]


@admin.register(m.ProcessCheck)
class ProcessCheckAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "step", "done"]
    search_fields = ["meeting__title", "note"]
    list_filter = ["step", "done"]


class ActionItemUpdateInline(admin.TabularInline):
    model = m.ActionItemUpdate
    extra = 0
    readonly_fields = ["from_status", "to_status", "note", "by", "at"]


@admin.register(m.ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["text", "mechanism", "entity", "state", "due_on", "status", "is_demo"]
    search_fields = ["text", "entity__acronym"]
    list_filter = ["status", "mechanism", "is_demo"]
    inlines = [ActionItemUpdateInline]


@admin.register(m.ActionItemUpdate)
class ActionItemUpdateAdmin(admin.ModelAdmin):
    list_display = ["action_item", "from_status", "to_status", "by", "at"]
    search_fields = ["note", "action_item__text"]
    list_filter = ["to_status"]


@admin.register(m.ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["action_item", "focal_point", "period", "queued_at"]
    search_fields = ["action_item__text", "focal_point__name"]
    list_filter = ["period"]


class EndorsementCountInline(admin.TabularInline):
    model = m.EndorsementCount
    extra = 0


@admin.register(m.Declaration)
class DeclarationAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "mechanism", "launched_on"]
    search_fields = ["name"]
    list_filter = ["mechanism"]
    inlines = [EndorsementCountInline]


@admin.register(m.Endorsement)
class EndorsementAdmin(SimpleHistoryAdmin):
    list_display = ["declaration", "state", "organisation", "endorsed_on", "known_by"]
    search_fields = ["declaration__name", "organisation__name", "source"]
    list_filter = ["declaration"]


@admin.register(m.EndorsementCount)
class EndorsementCountAdmin(SimpleHistoryAdmin):
    list_display = ["declaration", "kind", "as_of", "count"]
    search_fields = ["declaration__name"]
    list_filter = ["kind", "declaration"]


class QuestionInline(admin.TabularInline):
    model = m.SurveyQuestion
    extra = 0


class FindingInline(admin.TabularInline):
    model = m.SurveyFinding
    extra = 0


@admin.register(m.Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "mechanism", "status", "declared_respondent_count", "is_demo"]
    search_fields = ["title", "description"]
    list_filter = ["status", "mechanism", "is_demo"]
    inlines = [QuestionInline, FindingInline]


@admin.register(m.SurveyQuestion)
class SurveyQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "survey", "kind", "topic", "order"]
    search_fields = ["text"]
    list_filter = ["kind", "topic", "survey"]


@admin.register(m.SurveyFinding)
class SurveyFindingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "survey", "order"]
    search_fields = ["text"]
    list_filter = ["survey"]


@admin.register(m.SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    list_display = ["survey", "entity", "sent_at"]
    search_fields = ["entity__acronym", "survey__title"]
    list_filter = ["survey"]


@admin.register(m.SurveyResponse)
class SurveyResponseAdmin(SimpleHistoryAdmin):
    list_display = ["survey", "entity", "submitted_by", "submitted_at"]
    search_fields = ["entity__acronym", "survey__title"]
    list_filter = ["survey"]


@admin.register(m.SurveyAnswer)
class SurveyAnswerAdmin(admin.ModelAdmin):
    list_display = ["response", "question", "display"]
    search_fields = ["text", "question__text"]
    list_filter = ["question__survey"]


@admin.register(m.Capability)
class CapabilityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "entity", "kind", "mechanism", "source", "is_demo"]
    search_fields = ["title", "description", "entity__acronym"]
    list_filter = ["kind", "source", "mechanism", "is_demo"]


@admin.register(m.GlossaryTerm)
class GlossaryTermAdmin(SimpleHistoryAdmin):
    list_display = ["term_en", "term_fr", "term_es", "mechanism", "is_demo"]
    search_fields = ["term_en", "term_fr", "term_es", "definition_en"]
    list_filter = ["mechanism", "is_demo"]
