"""Editing an action in the admin moves its recommendation for incremental pulls."""

import datetime as dt

from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.utils import timezone

from recommendations.models import Recommendation, SuggestedAction


def test_an_action_edited_in_the_admin_touches_its_recommendation(annex, isu_staff):
    Recommendation.objects.update(updated_at=timezone.now() - dt.timedelta(days=5))
    model_admin = site._registry[SuggestedAction]
    request = RequestFactory().post("/")
    request.user = isu_staff
    action = annex["marking"]
    form = model_admin.get_form(request, action, change=True)(instance=action, data={
        "recommendation": action.recommendation_id, "addressee": action.addressee_id, "text": "Edited text.",
        "position": action.position, "status": action.status,
    })
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)
    model_admin.save_related(request, form, [], change=True)
    assert Recommendation.objects.get(pk=annex["first"].pk).updated_at > timezone.now() - dt.timedelta(minutes=1)
