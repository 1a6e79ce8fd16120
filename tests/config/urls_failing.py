"""The site's URLs plus two views that fail, to see what a visitor gets from a server error."""

from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny

from config.urls import urlpatterns as site_urlpatterns

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"

SECRET_IN_ERROR = "database password is hunter2-do-not-show"


def explode(request):
    raise RuntimeError(SECRET_IN_ERROR)


@api_view(["GET"])
@permission_classes([AllowAny])
def explode_api(request):
    raise RuntimeError(SECRET_IN_ERROR)


urlpatterns = [
    path("boom/", explode),
    path("api/v1/boom/", explode_api),
    *site_urlpatterns,
]
