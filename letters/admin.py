from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Campaign, ClearanceExtension, DestructionObligation, Letter, LetterTemplate, ReminderPlan, ReportSubmission, Withdrawal


@admin.register(Letter)
class LetterAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "state", "purpose", "period", "stage", "language", "status", "attempts", "sent_at"]
    list_filter = ["status", "purpose", "period", "stage", "language"]
    search_fields = ["key", "subject", "message_id", "recipients"]
    readonly_fields = ["key", "message_id", "attempts", "sent_at", "batch", "lease_until", "next_attempt_at"]
    raw_id_fields = ["state", "entity"]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "language", "subject", "updated_at"]
    list_filter = ["kind", "language"]
    search_fields = ["subject", "body"]


@admin.register(ReminderPlan)
class ReminderPlanAdmin(SimpleHistoryAdmin):
    list_display = ["obligation", "offsets_days", "overdue_after_days", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["obligation__name", "obligation__treaty__short_name"]


@admin.register(Campaign)
class CampaignAdmin(SimpleHistoryAdmin):
    list_display = ["name", "treaty", "period", "send_on", "status", "queued_at"]
    list_filter = ["status", "kind", "period"]
    search_fields = ["name", "meeting"]


@admin.register(ReportSubmission)
class ReportSubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["state", "obligation", "kind", "period", "received_on", "recorded_by"]
    list_filter = ["kind", "period", "obligation"]
    search_fields = ["state__code", "link"]
    raw_id_fields = ["state", "recorded_by"]


@admin.register(DestructionObligation)
class DestructionObligationAdmin(SimpleHistoryAdmin):
    list_display = ["party", "kind", "recorded_on", "completed_on", "is_demo"]
    list_filter = ["kind", "is_demo"]
    raw_id_fields = ["party", "recorded_by"]


@admin.register(ClearanceExtension)
class ClearanceExtensionAdmin(SimpleHistoryAdmin):
    list_display = ["obligation", "new_deadline", "decision", "decided_on", "is_demo"]
    raw_id_fields = ["obligation"]


@admin.register(Withdrawal)
class WithdrawalAdmin(SimpleHistoryAdmin):
    list_display = ["party", "received_on", "armed_conflict", "effective_on", "is_demo"]
    raw_id_fields = ["party"]
