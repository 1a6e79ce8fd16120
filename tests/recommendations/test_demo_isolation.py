"""Demo data never passes for real: loading it leaves every public recommendation status and
the dashboard's figures as they were, and its rows hang only off demo parents."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from entities.access import actor_for
from recommendations import selectors
from recommendations.models import Recommendation, StatusUpdate, SuggestedAction
from taskforce.models import ActionItem, Meeting


def public_figures(client) -> dict:
    """What anyone sees (and REST clients pull): each recommendation's and action's status,
    and the dashboard's figures."""
    rows, url = [], "/api/v1/recommendations/"
    while url:
        body = client.get(url).json()
        rows += body["results"]
        url = body["next"]
    return {
        "recommendations": dict(Recommendation.objects.values_list("pk", "status")),
        "actions": dict(SuggestedAction.objects.values_list("pk", "status")),
        "api": sorted((row["id"], row["status"], tuple(a["status"] for a in row["actions"])) for row in rows),
        "dashboard": selectors.dashboard_counts(actor=actor_for(AnonymousUser())),
    }


@pytest.fixture
def seeded(db):
    call_command("load_seed_data", stdout=io.StringIO())


@pytest.fixture
def api(client_for):
    return client_for("api_token")


def test_public_status_and_dashboard_are_the_same_with_and_without_the_demo(seeded, api, anon_client):
    before = public_figures(api)
    dashboard_before = anon_client.get(reverse("recommendations:dashboard")).content.decode()

    call_command("load_demo_data", stdout=io.StringIO())

    assert StatusUpdate.objects.filter(is_demo=True).exists()  # the demo did post its updates
    assert public_figures(api) == before
    dashboard_after = anon_client.get(reverse("recommendations:dashboard")).content.decode()
    assert dashboard_after.count("In progress") == dashboard_before.count("In progress")


def test_demo_status_updates_show_in_the_history_with_a_badge(seeded, anon_client):
    call_command("load_demo_data", stdout=io.StringIO())
    update = StatusUpdate.objects.filter(is_demo=True).select_related("action").first()
    assert update.action.status == "not_started"  # the real status is untouched
    page = anon_client.get(reverse("recommendations:detail", args=[update.action.recommendation_id])).content.decode()
    assert update.note in page
    assert 'class="badge demo"' in page


def test_a_real_update_after_a_demo_one_sets_the_status(seeded, staff_client, isu_staff):
    from recommendations.services import status_update_post

    call_command("load_demo_data", stdout=io.StringIO())
    demo = StatusUpdate.objects.filter(is_demo=True).select_related("action").first()
    action = demo.action
    status_update_post(action=action, actor=actor_for(isu_staff), user=isu_staff, status="completed", date=demo.date.replace(year=demo.date.year - 1))
    action.refresh_from_db()
    # The demo update is newer, but only real updates make the status.
    assert action.status == "completed"


def test_demo_action_items_hang_only_off_demo_meetings(seeded):
    call_command("load_demo_data", stdout=io.StringIO())
    demo_items = ActionItem.objects.filter(is_demo=True)
    assert demo_items.exists()
    assert not demo_items.filter(meeting__is_demo=False).exists()
    real_meeting = Meeting.objects.get(title__startswith="First Director-level")
    assert not real_meeting.action_items.filter(is_demo=True).exists()


def test_loading_the_demo_twice_changes_nothing_more(seeded, api):
    call_command("load_demo_data", stdout=io.StringIO())
    once = (public_figures(api), ActionItem.objects.count(), Meeting.objects.count(), StatusUpdate.objects.count())
    call_command("load_demo_data", stdout=io.StringIO())
    assert (public_figures(api), ActionItem.objects.count(), Meeting.objects.count(), StatusUpdate.objects.count()) == once
