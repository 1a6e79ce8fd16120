from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("export/", views.export, name="export"),
    path("import/", views.import_file, name="import"),
    path("import/template/", views.import_template, name="import-template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/actions/<int:action_id>/status/", views.action_status, name="action-status"),
]
