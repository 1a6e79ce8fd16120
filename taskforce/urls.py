from django.urls import path

from .views import actions, coordination, feeds, mechanisms, meetings

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
]
