from django.urls import path

from .views import directory

urlpatterns = [
    path("entities/", directory.entity_list, name="entity-list"),
    path("entities/<str:acronym>/", directory.entity_detail, name="entity-detail"),
    path("states/", directory.state_list, name="state-list"),
    path("states/<str:code>/", directory.state_detail, name="state-detail"),
]
