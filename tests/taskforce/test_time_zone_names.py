"""The time-zone picker names cities in the reader's language, with their State as the UN names
it (taskforce/timezones.py, data/reference/time-zone-cities.csv): no English city name on a
French or Spanish page."""

import datetime as dt

import pytest
from django.utils import translation

from taskforce.timezones import time_zone_choices, zone_label

WINTER = dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(("language", "zone", "label"), [
    ("en", "America/Mexico_City", "Mexico City (Mexico) — 6 hours behind UTC"),
    ("fr", "America/Mexico_City", "Mexico (Mexique) — 6 heures de retard sur l’UTC"),
    ("es", "America/Mexico_City", "Ciudad de México (México) — 6 horas por detrás de la hora UTC"),
    ("fr", "Asia/Kolkata", "Calcutta (Inde) — 5 heures 30 minutes d’avance sur l’UTC"),
    ("es", "Europe/Kyiv", "Kiev (Ucrania) — 2 horas por delante de la hora UTC"),
    # A zone named after its State is named by the State, as the UN names it, not CLDR's "Brunei".
    ("fr", "Asia/Brunei", "Brunéi Darussalam — 8 heures d’avance sur l’UTC"),
    # A territory that is not a State of the table: its continent, not another spelling of a State.
    ("fr", "America/Cayenne", "Cayenne (Amérique) — 3 heures de retard sur l’UTC"),
])
def test_a_zone_is_named_by_its_city_and_state_in_the_readers_language(language, zone, label):
    with translation.override(language):
        assert zone_label(zone, WINTER) == label


def test_a_zone_the_names_file_does_not_hold_is_named_by_its_offset_in_french_and_spanish():
    with translation.override("fr"):
        groups = time_zone_choices(keep="US/Eastern")
    assert groups[0][1][0][0] == "US/Eastern"
    assert groups[0][1][0][1].startswith("UTC−0")
    assert "Eastern" not in groups[0][1][0][1]


def test_every_zone_offered_has_a_french_and_a_spanish_name():
    for language in ("fr", "es"):
        with translation.override(language):
            labels = [label for _group, choices in time_zone_choices() for _zone, label in choices]
        assert not [label for label in labels if label.startswith("UTC")], language
