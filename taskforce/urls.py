from django.urls import path

from .views import (
    actions,
    coordination,
    directory,
    feeds,
    individualised,
    mechanisms,
    meetings,
    surveys,
)

urlpatterns = [
    path("", mechanisms.index, name="index"),
    path("calendar.ics", feeds.calendar, name="calendar"),
    path("mechanisms/<slug:slug>/", mechanisms.mechanism_detail, name="mechanism-detail"),
    path("mechanisms/<slug:slug>/calendar.ics", feeds.mechanism_calendar, name="mechanism-calendar"),
    path("mechanisms/<slug:slug>/meetings/new/", meetings.meeting_record_view, name="meeting-record"),
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("action-items/", actions.action_item_list, name="action-item-list"),
    path("action-items/<int:pk>/", actions.action_item_detail, name="action-item-detail"),
    path("map/", coordination.coordination_map_view, name="coordination-map"),
    path("map/entities/<int:pk>/", coordination.entity_involvement_view, name="entity-involvement"),
    path("surveys/", surveys.survey_list, name="survey-list"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey-detail"),
    path("surveys/<int:pk>/send/", surveys.survey_send_view, name="survey-send"),
    path("surveys/<int:pk>/answer/", surveys.survey_answer_view, name="survey-answer"),
    path("capabilities/", directory.capability_list, name="capability-list"),
    path("capabilities/new/", directory.capability_create, name="capability-create"),
    path("glossary/", directory.glossary, name="glossary"),
    path("declarations/<slug:slug>/", directory.declaration_detail, name="declaration-detail"),
    path("individualised-approach/request/", individualised.request_view, name="ia-request"),
    path("meetings/<int:pk>/process/", individualised.process_view, name="ia-checklist"),
    path("meetings/<int:pk>/report.pdf", individualised.report_view, name="ia-report"),
]
