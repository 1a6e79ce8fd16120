"""Obligation facts in bulk: staff upload a file, see every problem or a preview, confirm; the
same as a command."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from entities.access import actor_for
from letters.models import ClearanceExtension, DestructionObligation, Withdrawal
from letters.services.obligations import destruction_record
from tests.factories import ReportingObligationFactory, StateFactory, TreatyPartyFactory

D = dt.date
IMPORT = "letters:obligation-import"
CONFIRM = "letters:obligation-import-confirm"
HEADER = "state,fact,recorded_on,completed_on,decision,new_deadline,months,received_on,armed_conflict\n"
GOOD = HEADER + (
    "AO,extension,,,Decision of the Twenty-first Meeting,,60,,\n"  # before its mined areas: order does not matter
    "AO,mined-areas,2026-03-02,,,,,,\n"
    "AO,stockpiles,2026-03-02,2026-05-05,,,,,\n"
    "PE,withdrawal,,,,,,2026-07-01,no\n"
)


@pytest.fixture(autouse=True)
def june_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def parties(db):
    """Angola and Peru, States Parties since 1 September 2025; Norway is not a party."""
    obligation = ReportingObligationFactory()
    StateFactory(code="NO")
    return {
        code: TreatyPartyFactory(treaty=obligation.treaty, state=StateFactory(code=code), consent_to_be_bound=D(2025, 3, 3),
                                 entry_into_force=D(2025, 9, 1))
        for code in ("AO", "PE")
    }


def csv_file(text: str, name: str = "facts.csv") -> io.BytesIO:
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def upload(client, file):
    return client.post(reverse(IMPORT), {"file": file})


def nothing_recorded() -> bool:
    return not (DestructionObligation.objects.exists() or ClearanceExtension.objects.exists() or Withdrawal.objects.exists())


def test_staff_import_facts_after_seeing_what_will_be_recorded(staff_client, parties):
    response = upload(staff_client, csv_file(GOOD))
    assert response.status_code == 200
    page = response.content.decode()
    assert "4 to create" in page and "2040-09-01" in page and "2027-01-01" in page  # computed, not typed
    assert nothing_recorded()

    response = staff_client.post(reverse(CONFIRM), {"token": response.context["token"]}, follow=True)
    assert "4 recorded, 0 corrected, 0 unchanged" in response.content.decode()
    assert DestructionObligation.objects.filter(party__state__code="AO").count() == 2
    assert ClearanceExtension.objects.get().new_deadline == D(2040, 9, 1)
    assert Withdrawal.objects.get().effective_on == D(2027, 1, 1)
    deadlines = staff_client.get(reverse("deadline-list"), {"state": "AO", "obligation": "article-5"}).json()["results"]
    assert deadlines[0]["due_on"] == "2040-09-01"


def test_the_same_file_again_changes_nothing(staff_client, parties):
    response = upload(staff_client, csv_file(GOOD))
    staff_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    response = upload(staff_client, csv_file(GOOD))
    assert "The file changes nothing" in response.content.decode()
    assert ClearanceExtension.objects.count() == 1


def test_a_completion_declared_later_is_a_change_shown_old_and_new(staff_client, parties, isu_staff):
    destruction_record(actor=actor_for(isu_staff), state=parties["AO"].state, kind="article-5", recorded_on=D(2026, 3, 2))
    response = upload(staff_client, csv_file("state,fact,completed_on\nAO,mined-areas,2027-05-20\n"))
    assert response.status_code == 200
    assert response.context["preview"].change[0]["Completion declared on"] == (None, D(2027, 5, 20))


def test_every_problem_is_listed_with_its_row_and_column_and_nothing_is_written(staff_client, parties):
    bad = HEADER + (
        "AO,mined-areas,2026-03-02,,,,,,\n"                    # fine alone
        "NO,stockpiles,2026-03-02,,,,,,\n"                      # row 3: not a party
        "PE,extension,,,Decision,,60,,\n"                       # row 4: no mined areas recorded for Peru
        "AO,extension,,,Decision,2030-01-01,,,\n"               # row 5: not after 1 September 2035
        "AO,stockpiles,2025-01-01,2024-01-01,,,,,\n"            # row 6: completion before entry into force
        "PE,withdrawal,,,,,,2025-01-01,maybe\n"                 # row 7: before consent; not yes or no
        "XX,treaty,31/02/2026,,,,,,\n"                          # row 8: unknown State, fact and date
        "AO,withdrawal,2026-01-01,,,,,2026-07-01,\n"            # row 9: recorded_on does not apply
        "<b>AO</b>,mined-areas,2026-03-02,,,,,,\n"              # row 10: escaped when shown back
    )
    response = upload(staff_client, csv_file(bad))
    assert response.status_code == 400
    problems = {(p.row, p.column) for p in response.context["problems"]}
    assert {(3, "state"), (4, "state"), (5, "new_deadline"), (6, "completed_on"), (7, "armed_conflict"),
            (8, "state"), (8, "fact"), (8, "recorded_on"), (9, "recorded_on"), (10, "state")} <= problems
    page = response.content.decode()
    assert "<b>AO</b>" not in page and "&lt;b&gt;AO&lt;/b&gt;" in page
    assert "before the Convention entered into force" in page
    assert nothing_recorded()


def test_the_withdrawal_before_consent_is_named(staff_client, parties):
    response = upload(staff_client, csv_file("state,fact,received_on\nPE,withdrawal,2025-01-01\n"))
    assert [(p.row, p.column) for p in response.context["problems"]] == [(2, "received_on")]


def test_an_xlsx_with_date_cells(staff_client, parties):
    workbook = Workbook()
    workbook.active.append(["state", "fact", "recorded_on"])
    workbook.active.append(["AO", "mined-areas", dt.datetime(2026, 3, 2)])
    file = io.BytesIO()
    workbook.save(file)
    file.seek(0)
    file.name = "facts.xlsx"
    response = upload(staff_client, file)
    assert response.status_code == 200 and "2026-03-02" in response.content.decode()


def test_an_expired_or_reused_token_imports_nothing(staff_client, parties):
    response = upload(staff_client, csv_file(GOOD))
    token = response.context["token"]
    staff_client.post(reverse(CONFIRM), {"token": token})
    again = staff_client.post(reverse(CONFIRM), {"token": token}, follow=True)
    assert "expired or was already imported" in again.content.decode()
    assert staff_client.post(reverse(CONFIRM), {"token": "x" * 30}).status_code == 302


def test_the_file_is_checked_again_when_confirmed(staff_client, parties, isu_staff):
    response = upload(staff_client, csv_file("state,fact,decision,new_deadline\nAO,extension,Decision,2037-09-01\n"
                                             "AO,mined-areas,,\n"))
    assert response.status_code == 400  # mined areas without the date they were declared
    response = upload(staff_client, csv_file("state,fact,recorded_on,completed_on\nAO,stockpiles,2026-03-02,2027-05-01\n"))
    assert response.status_code == 200
    # Meanwhile, someone records that Angola ceased to be a party: the confirmation is refused.
    parties["AO"].delete()
    confirmed = staff_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert confirmed.status_code == 400
    assert "not a State Party" in confirmed.content.decode()
    assert nothing_recorded()


def test_a_focal_point_cannot_import(client_for, parties):
    client = client_for("state_a")
    assert upload(client, csv_file(GOOD)).status_code == 403
    assert nothing_recorded()


def test_the_preview_query_count_does_not_grow_with_the_rows(staff_client, parties):
    states = [StateFactory(code=code) for code in ("BA", "BF", "BI", "CD", "CY", "ER", "ET", "GW", "IQ", "KH", "LB", "MZ")]
    for state in states:
        TreatyPartyFactory(treaty=parties["AO"].treaty, state=state, entry_into_force=D(2025, 9, 1))
    few = HEADER + "AO,mined-areas,2026-03-02,,,,,,\n"
    many = HEADER + "".join(f"{s.code.code},mined-areas,2026-03-02,,,,,,\n{s.code.code},extension,,,Decision,,60,,\n"
                            for s in states)

    def queries(text: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert upload(staff_client, csv_file(text)).status_code == 200
        return len(captured)

    assert queries(many) == queries(few)


def test_the_template_has_the_columns_an_import_reads(staff_client, db):
    response = staff_client.get(reverse("letters:obligation-import-template"), {"format": "csv"})
    assert response.content.decode().splitlines()[0].lstrip("\ufeff").startswith("state,fact,recorded_on,completed_on")


def test_the_import_page_explains_the_columns(staff_client, db):
    page = staff_client.get(reverse(IMPORT)).content.decode()
    assert "mined-areas" in page and "armed_conflict" in page and "Check the file" in page


def test_command_dry_run_writes_nothing_and_then_records(parties, tmp_path, capsys):
    path = tmp_path / "facts.csv"
    path.write_text(GOOD)
    call_command("import_obligations", str(path), "--dry-run")
    assert "4 to record, 0 to correct, 0 unchanged" in capsys.readouterr().out
    assert nothing_recorded()
    call_command("import_obligations", str(path))
    assert "4 recorded" in capsys.readouterr().out
    assert Withdrawal.objects.count() == 1


def test_command_prints_each_problem_and_fails(parties, tmp_path, capsys):
    path = tmp_path / "facts.csv"
    path.write_text("state,fact,recorded_on\nNO,stockpiles,2026-03-02\n")
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_obligations", str(path))
    assert "Row 2, column state" in capsys.readouterr().err
    assert nothing_recorded()
