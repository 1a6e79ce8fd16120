"""The compliance page: States by name in the reader's language, filters, words, export."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from letters.models import ReportKind
from tests.factories import ReportSubmissionFactory, StateFactory, TreatyPartyFactory

URL = "letters:compliance"


@pytest.fixture(autouse=True)
def june_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def reports(convention):
    """Mexico reported 2026 late; France 2026 on time (the convention fixture); Uganda nothing."""
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 5, 20))
    for state in (convention.mx, convention.fr, convention.ug, convention.co, convention.nl):
        state.region = {"MX": "Americas", "CO": "Americas", "UG": "Africa"}.get(state.code.code, "Europe")
        state.save()
    return convention


def states(response) -> list[str]:
    return [row.state.name for row in response.context["rows"]]


def test_states_are_sorted_by_their_name_in_the_readers_language(staff_client, convention):
    for code in ("EG", "DE", "ES"):
        TreatyPartyFactory(treaty=convention.treaty, state=StateFactory(code=code), entry_into_force=dt.date(1999, 3, 1))
    english = states(staff_client.get(reverse(URL)))
    assert english == sorted(english)
    assert english.index("Egypt") < english.index("France") < english.index("Germany") < english.index("Mexico")

    staff_client.cookies["django_language"] = "fr"
    french = states(staff_client.get(reverse(URL), HTTP_ACCEPT_LANGUAGE="fr"))
    # "Égypte" sorts with E, before "Espagne"; "Allemagne" comes first.
    assert french[:3] == ["Allemagne", "Colombie", "Égypte"]
    assert french.index("Égypte") < french.index("Espagne") < french.index("France")


def test_status_is_shown_in_words_not_colour_alone(staff_client, reports):
    html = staff_client.get(reverse(URL), {"since": 2026, "until": 2026}).content.decode()
    for words in ("on time", "late", "missing"):
        assert f">{words}</span>" in html


def test_filter_by_region(staff_client, reports):
    response = staff_client.get(reverse(URL), {"region": "Americas"})
    assert states(response) == ["Colombia", "Mexico"]


def test_filter_by_year_range(staff_client, reports):
    response = staff_client.get(reverse(URL), {"since": 2024, "until": 2026})
    assert response.context["years"] == [2024, 2025, 2026]
    html = response.content.decode()
    assert ">2024</th>" in html and ">2026</th>" in html and ">2023</th>" not in html


def test_filter_by_status_keeps_states_with_a_report_in_that_status(staff_client, reports):
    late = staff_client.get(reverse(URL), {"since": 2026, "until": 2026, "status": "late"})
    assert states(late) == ["Mexico"]
    on_time = staff_client.get(reverse(URL), {"since": 2026, "until": 2026, "status": "on_time"})
    assert states(on_time) == ["France"]


def test_nonsense_filters_show_a_message_not_an_error(staff_client, reports):
    response = staff_client.get(reverse(URL), {"since": "2030", "until": "1999x", "status": "<script>", "region": "Mars"})
    assert response.status_code == 200
    assert "not understood" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_a_reversed_or_too_long_year_range_is_explained(staff_client, reports):
    reversed_range = staff_client.get(reverse(URL), {"since": 2026, "until": 2020})
    assert "must not be after" in reversed_range.content.decode()
    too_long = staff_client.get(reverse(URL), {"since": 1997, "until": 2027})
    assert "at most 30 years" in too_long.content.decode()


def test_csv_export_is_exactly_what_the_page_shows(staff_client, reports):
    query = {"since": 2025, "until": 2026, "region": "Americas"}
    response = staff_client.get(reverse(URL), {**query, "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="compliance-2025-2026.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["State", "Region", "Initial report", "2025", "2026", "On time (%)"]
    assert rows[1:] == [
        ["Colombia", "Americas", "missing", "missing", "missing", "0"],
        ["Mexico", "Americas", "missing", "missing", "late", "0"],
    ]


def test_xlsx_export_in_the_readers_language(staff_client, reports):
    response = staff_client.get(reverse(URL), {"since": 2026, "until": 2026, "status": "on_time", "format": "xlsx"},
                                HTTP_ACCEPT_LANGUAGE="fr")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:1] == ["France"]
    assert sheet.max_row == 2


def test_an_initial_report_received_turns_its_cell_on_time(staff_client, convention):
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.co, kind=ReportKind.INITIAL, period=1999,
                            received_on=dt.date(1999, 8, 1))
    rows = {row.state.name: row.initial for row in staff_client.get(reverse(URL)).context["rows"]}
    assert rows["Colombia"] == "on_time" and rows["Mexico"] == "missing"


def test_the_page_and_the_export_need_staff(client_for, convention):
    assert client_for("state_a").get(reverse(URL), {"format": "csv"}).status_code == 403


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(URL), params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"format": "csv"}, {"format": "xlsx"}])
def test_query_count_does_not_grow_with_the_number_of_states(staff_client, convention, params):
    few = _queries(staff_client, params)
    for code in ("KH", "AO", "ES", "DE", "CH", "PE", "JO", "NZ", "EG", "BR"):
        state = StateFactory(code=code)
        TreatyPartyFactory(treaty=convention.treaty, state=state, entry_into_force=dt.date(2001, 1, 1))
        ReportSubmissionFactory(obligation=convention.obligation, state=state, period=2026)
    assert _queries(staff_client, params) == few
