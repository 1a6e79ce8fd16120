from django.urls import path

from . import views
from .views import obligations, reporting, stages
from .views.outbox import outbox_progress

app_name = "letters"

urlpatterns = [
    path("", views.index, name="index"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/", views.letter_detail, name="letter-detail"),
    path("outbox/<int:pk>/pdf/", views.letter_pdf, name="letter-pdf"),
    path("outbox/<int:pk>/resend/", views.letter_resend, name="letter-resend"),
    path("outbox/<int:pk>/cancel/", views.letter_cancel, name="letter-cancel"),
    path("plan/", views.plan, name="plan"),
    path("plan/<int:pk>/edit/", views.plan_edit, name="plan-edit"),
    path("preview/", views.preview, name="preview"),
    path("campaigns/", views.campaign_list, name="campaign-list"),
    path("campaigns/new/", views.campaign_create, name="campaign-create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign-detail"),
    path("campaigns/<int:pk>/send/", views.campaign_send, name="campaign-send"),
    path("templates/", views.template_list, name="template-list"),
    path("templates/<slug:kind>/<str:language>/", views.template_edit, name="template-edit"),
    path("reports/", views.report_list, name="report-list"),
    path("reports/new/", views.report_create, name="report-create"),
    path("reports/<int:pk>/file/", reporting.report_file, name="report-file"),
    path("reports/import/", reporting.report_import, name="report-import"),
    path("reports/import/confirm/", reporting.report_import_confirm, name="report-import-confirm"),
    path("reports/import/template/", reporting.report_import_template, name="report-import-template"),
    path("reports/import/export/", reporting.report_export, name="report-export"),
    path("compliance/", views.compliance, name="compliance"),
    path("analytics/", views.analytics, name="analytics"),
    path("outbox/progress/", outbox_progress, name="outbox-progress"),
    path("stages/", stages.stage_list, name="stages"),
    path("stages/<int:plan>/<int:period>/<slug:stage>/", stages.stage_detail, name="stage-detail"),
    path("stages/<int:plan>/<int:period>/<slug:stage>/send/", stages.stage_send, name="stage-send"),
    path("obligations/", obligations.obligations_overview, name="obligations"),
    path("obligations/calendar.ics", obligations.obligations_calendar, name="obligations-calendar"),
    path("obligations/import/", obligations.obligation_import, name="obligation-import"),
    path("obligations/import/confirm/", obligations.obligation_import_confirm, name="obligation-import-confirm"),
    path("obligations/import/template/", obligations.obligation_import_template, name="obligation-import-template"),
    path("obligations/reminders/", obligations.clearance_plan_edit, name="obligations-reminders"),
    path("obligations/record/<slug:fact>/", obligations.obligation_record, name="obligation-record"),
    path("obligations/<str:code>/", obligations.state_obligations, name="obligations-state"),
    path("obligations/<str:code>/calendar.ics", obligations.state_obligations_calendar, name="obligations-state-calendar"),
]
