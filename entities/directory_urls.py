from django.urls import path

from .views import directory, history, imports

urlpatterns = [
    path("", directory.index, name="index"),
    path("entities/", directory.entity_list, name="entity-list"),
    # `path`: some acronyms hold a slash (OSRSG/CAAC).
    path("entities/<path:acronym>/", directory.entity_detail, name="entity-detail"),
    path("states/", directory.state_list, name="state-list"),
    path("states/<str:code>/", directory.state_detail, name="state-detail"),
    path("organisations/", directory.organisation_list, name="organisation-list"),
    path("organisations/<int:pk>/", directory.organisation_detail, name="organisation-detail"),
    path("treaty-parties/import/", imports.treaty_party_import, name="treaty-party-import"),
    path("treaty-parties/import/template.csv", imports.treaty_party_template, name="treaty-party-template"),
    path("history/<str:app_label>/<str:model>/<str:pk>/", history.record_history, name="history"),
]
