from django.urls import path

from . import views

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
    path("compliance/", views.compliance, name="compliance"),
    path("analytics/", views.analytics, name="analytics"),
]
