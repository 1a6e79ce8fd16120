"""Status updates take a date a person could mean (1990 to today) and a note of at most 2,000
characters, like every other note; refused input names its field and saves nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import StatusUpdate


def _post(client, action, **data):
    url = reverse("recommendations:action-status", args=[action.recommendation_id, action.pk])
    return client.post(url, {"status": "in_progress", "date": "2026-02-01", **data})


@pytest.mark.parametrize("date", ["1900-01-01", "1989-12-31", "0001-01-01"])
def test_a_date_before_1990_is_refused_with_the_bounds(annex, client_for, date):
    response = _post(client_for("isu_staff"), annex["briefing"], date=date)
    assert response.status_code == 200
    assert "Enter a date between 1 January 1990 and today." in response.content.decode()
    assert not StatusUpdate.objects.exists()


@pytest.mark.parametrize("date", ["9999-12-31", "2100-01-01"])
def test_a_far_future_date_is_refused_as_in_the_future(annex, client_for, date):
    response = _post(client_for("isu_staff"), annex["briefing"], date=date)
    assert "This date cannot be in the future." in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_the_first_day_of_1990_and_today_are_accepted(annex, client_for):
    client = client_for("isu_staff")
    assert _post(client, annex["briefing"], date="1990-01-01").status_code == 302
    assert _post(client, annex["briefing"], date=timezone.localdate().isoformat()).status_code == 302
    assert set(StatusUpdate.objects.values_list("date", flat=True)) == {dt.date(1990, 1, 1), timezone.localdate()}


def test_the_date_picker_offers_only_dates_that_are_accepted(annex, client_for):
    url = reverse("recommendations:action-status", args=[annex["briefing"].recommendation_id, annex["briefing"].pk])
    content = client_for("isu_staff").get(url).content.decode()
    assert 'min="1990-01-01"' in content and f'max="{timezone.localdate().isoformat()}"' in content


def test_a_note_over_2000_characters_is_refused_naming_its_length(annex, client_for):
    response = _post(client_for("isu_staff"), annex["briefing"], note="n" * 100_000)
    assert response.status_code == 200
    assert "at most 2000 characters (it has 100000)" in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_a_note_of_2000_characters_is_kept_whole(annex, client_for):
    assert _post(client_for("isu_staff"), annex["briefing"], note="n" * 2000).status_code == 302
    assert len(StatusUpdate.objects.get().note) == 2000
