from django.urls import path

from .views import challenges, dashboard, feedback, manage, matches, projects, public

urlpatterns = [
    path("", public.index, name="index"),
    path("export.csv", public.export_csv, name="export-csv"),
    path("entries/<int:pk>/", public.entry_detail, name="entry-detail"),
    path("mine/", manage.mine, name="mine"),
    path("new/<str:side>/", manage.entry_create, name="entry-create"),
    path("entries/<int:pk>/edit/", manage.entry_edit, name="entry-edit"),
    path("entries/<int:pk>/confirm/", manage.entry_confirm, name="entry-confirm"),
    path("entries/<int:pk>/withdraw/", manage.entry_withdraw, name="entry-withdraw"),
    path("entries/<int:pk>/matches/", matches.entry_matches, name="entry-matches"),
    path("entries/<int:pk>/matches/propose/", matches.match_propose, name="match-propose"),
    path("matches/", matches.match_list, name="match-list"),
    path("matches/<int:pk>/", matches.match_detail, name="match-detail"),
    path("matches/<int:pk>/<str:decision>/", matches.match_decide, name="match-decide"),
    path("challenges/", challenges.challenge_list, name="challenge-list"),
    path("challenges/new/", challenges.challenge_create, name="challenge-create"),
    path("challenges/<int:pk>/edit/", challenges.challenge_edit, name="challenge-edit"),
    path("projects/", projects.project_list, name="project-list"),
    path("projects/<int:pk>/", projects.project_detail, name="project-detail"),
    path("projects/<int:pk>/budget/", projects.project_budget_edit, name="project-budget"),
    path("projects/<int:pk>/pledges/new/", projects.pledge_add_view, name="pledge-add"),
    path("projects/<int:pk>/pledges/<int:pledge_pk>/", projects.pledge_edit_view, name="pledge-edit"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("feedback/", feedback.feedback_give, name="feedback"),
    path("feedback/received/", feedback.feedback_list, name="feedback-list"),
]
