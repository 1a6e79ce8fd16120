"""The one chart technique (server-drawn SVG beside its table) and the State pick lists sorted by
the name a reader sees in their language."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from config.charts import Row, Series, bar_chart
from config.forms import StateChoiceField, collation_key
from entities.models import State

SERIES = [Series("Not started", "s0"), Series("Completed", "s2")]


def test_a_stacked_bar_is_as_long_as_its_total_and_the_longest_takes_the_bar_space():
    chart = bar_chart(chart_id="c", title="Actions", series=SERIES, stacked=True,
                      rows=[Row("Peacekeeping", [1, 3]), Row("Weapons", [2, 0])])
    first, second = chart["rows"]
    assert [s["width"] for s in first["bars"][0]["segments"]] == ["21.25", "63.75"]  # 1 and 3 of 4, on 85 %
    assert first["bars"][0]["segments"][1]["x"] == "21.25"
    assert first["bars"][0]["text"] == "4"
    # A zero count draws no empty segment, and its figure is still written.
    assert [s["css"] for s in second["bars"][0]["segments"]] == ["s0"]
    assert second["bars"][0]["text"] == "2"


def test_side_by_side_bars_draw_one_bar_per_series_and_an_empty_chart_draws_nothing():
    chart = bar_chart(chart_id="c", title="Needs", series=SERIES, stacked=False, rows=[Row("Clearance", [2, 0])])
    bars = chart["rows"][0]["bars"]
    assert len(bars) == 2 and [b["text"] for b in bars] == ["2", "0"] and bars[1]["segments"] == []
    html = render_to_string("includes/bar_chart.html", {"chart": bar_chart(
        chart_id="e", title="Empty", series=SERIES, stacked=True, rows=[])})
    assert "<svg" not in html


def test_the_chart_numbers_stay_valid_svg_in_french():
    chart = bar_chart(chart_id="fr-chart", title="Actions", series=SERIES, stacked=True,
                      rows=[Row(f"Groupe {n}", [n, 1]) for n in range(1, 80)])
    with translation.override("fr"):
        html = render_to_string("includes/bar_chart.html", {"chart": chart})
    assert 'role="img" aria-labelledby="fr-chart-title"' in html
    # No decimal comma and no thousands separator inside an attribute.
    for value in re.findall(r'\s(?:x|y|dx|width|height)="([^"]*)"', html):
        assert re.fullmatch(r"\d+(\.\d+)?%?", value), value
    assert int(re.search(r'<svg height="(\d+)"', html).group(1)) > 1000


@pytest.mark.parametrize(("language", "first_names"), [
    ("en", ["Egypt", "France", "Mexico"]),
    ("fr", ["Égypte", "France", "Mexique"]),
])
def test_states_are_offered_by_their_name_in_the_readers_language(db, language, first_names):
    for code in ("MX", "FR", "EG"):
        State.objects.create(code=code)
    field = StateChoiceField(queryset=State.objects.all())
    with translation.override(language):
        labels = [label for value, label in field.choices if value != ""]
    assert labels == first_names


def test_accents_and_case_do_not_change_where_a_name_is_filed():
    names = ["Zambie", "équateur", "Estonie", "Érythrée", "Égypte"]
    assert sorted(names, key=collation_key) == ["Égypte", "équateur", "Érythrée", "Estonie", "Zambie"]
