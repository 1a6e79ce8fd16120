"""/api/v1/: each app contributes its own routes from <app>/api/urls.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("entities.api.urls")),
    path("", include("recommendations.api.urls")),
    path("", include("taskforce.api.urls")),
    path("", include("partnerships.api.urls")),
    path("", include("letters.api.urls")),
]
