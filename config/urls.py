from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from entities import directory_urls
from letters.views import contacts as letter_contacts

from . import start, views

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"

# The registry's pages, with its two contacts pages that go through the outbox (letters' views:
# entities does not import letters).
directory_patterns = [
    *directory_urls.urlpatterns,
    path("contacts/worklist/", letter_contacts.contact_worklist, name="contact-worklist"),
    path("contacts/<int:pk>/invitation/", letter_contacts.contact_invitation, name="contact-invitation"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # One sign-in page for everyone (lockout page, two-factor step), the admin's included.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_router")),
    path("", include("entities.urls")),
    path("directory/", include((directory_patterns, "entities"), namespace="entities")),
    path("recommendations/", include(("recommendations.urls", "recommendations"), namespace="recommendations")),
    path("taskforces/", include(("taskforce.urls", "taskforce"), namespace="taskforce")),
    path("platform/", include(("partnerships.urls", "partnerships"), namespace="partnerships")),
    path("letters/", include(("letters.urls", "letters"), namespace="letters")),
    path("start/", start.start, name="start"),
    path("", views.home, name="home"),
]
