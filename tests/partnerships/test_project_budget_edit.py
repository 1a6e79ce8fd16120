"""Staff keep a project's budget lines and pledges on its page; the totals and the funding gap
follow at once; every change is in the history; bad input is named on its field."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from entities.access import actor_for
from partnerships.models import BudgetLine, Pledge, Project
from partnerships.selectors import funding
from partnerships.services.projects import PledgeData, pledge_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(entity):
    """Budget 226,000 USD in three lines, 40,700 USD of indicative pledges: a gap of 185,300."""
    project = Project.objects.create(title="CASA project", owner_entity=entity, currency="USD")
    for order, (label, amount) in enumerate([("Personnel", 150000), ("Operations", 50000), ("Support", 26000)], 1):
        BudgetLine.objects.create(project=project, label=label, amount=Decimal(amount), order=order)
    Pledge.objects.create(project=project, donor_description="Total indicative pledges", amount=Decimal(40700), currency="USD")
    return project


def gap(project) -> Decimal:
    return funding.project_detail(project.pk).funding_gap


def budget_url(project):
    return reverse("partnerships:project-budget", args=[project.pk])


def budget_post(rows, *, initial=0):
    data = {"lines-TOTAL_FORMS": str(len(rows)), "lines-INITIAL_FORMS": str(initial), "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"lines-{i}-{key}"] = value
    return data


def lines_of(project):
    return [{"label": line.label, "amount": str(line.amount), "line": line.pk} for line in project.budget_lines.all()]


def test_staff_change_add_and_remove_budget_lines_and_the_gap_follows(staff_client, project, isu_staff):
    rows = lines_of(project)
    rows[0]["amount"] = "160000"
    rows[2]["DELETE"] = "on"
    rows.append({"label": "Evaluation", "amount": "10000"})
    response = staff_client.post(budget_url(project), budget_post(rows, initial=3))
    assert response.status_code == 302
    assert [(line.label, line.amount) for line in project.budget_lines.all()] == [
        ("Personnel", Decimal(160000)), ("Operations", Decimal(50000)), ("Evaluation", Decimal(10000)),
    ]
    assert gap(project) == Decimal(179300)  # 220,000 - 40,700
    personnel = project.budget_lines.get(label="Personnel")
    assert [h.amount for h in personnel.history.order_by("history_date")] == [Decimal(150000), Decimal(160000)]
    assert personnel.history.latest().history_user == isu_staff
    assert BudgetLine.history.filter(label="Support", history_type="-").exists()
    page = staff_client.get(response["Location"]).content.decode()
    assert "179,300" in page


def test_two_lines_may_swap_their_labels(staff_client, project):
    rows = lines_of(project)
    rows[0]["label"], rows[1]["label"] = "Operations", "Personnel"
    response = staff_client.post(budget_url(project), budget_post(rows, initial=3))
    assert response.status_code == 302
    assert list(project.budget_lines.values_list("label", "amount")) == [
        ("Operations", Decimal(150000)), ("Personnel", Decimal(50000)), ("Support", Decimal(26000)),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "Operations"}, "This budget item is already listed."),
        ({"amount": "-5"}, "An amount cannot be negative."),
        ({"amount": "lots"}, "Enter a number."),
        ({"label": ""}, "Say what this amount is for."),
    ],
    ids=["twice", "negative", "not-a-number", "no-label"],
)
def test_bad_budget_lines_are_named_and_nothing_changes(staff_client, project, change, message):
    rows = lines_of(project)
    rows[0].update(change)
    response = staff_client.post(budget_url(project), budget_post(rows, initial=3))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert gap(project) == Decimal(185300)


def test_without_script_add_a_budget_line_shows_one_more_row(staff_client, project):
    data = budget_post(lines_of(project), initial=3)
    data["add_row"] = "lines"
    response = staff_client.post(budget_url(project), data)
    assert response.status_code == 200
    assert 'name="lines-TOTAL_FORMS" value="4"' in response.content.decode()
    assert project.budget_lines.count() == 3


def test_staff_add_a_pledge_and_the_gap_shrinks(staff_client, project, state_a, isu_staff):
    response = staff_client.post(reverse("partnerships:pledge-add", args=[project.pk]), {
        "donor": f"state:{state_a.pk}", "status": "confirmed", "amount": "25000", "currency": "USD", "pledged_on": "2026-02-01",
    })
    assert response.status_code == 302
    pledge = Pledge.objects.get(donor_state=state_a)
    assert (pledge.status, pledge.amount) == ("confirmed", Decimal(25000))
    assert pledge.history.get().history_user == isu_staff
    assert gap(project) == Decimal(160300)
    page = staff_client.get(reverse("partnerships:project-detail", args=[project.pk])).content.decode()
    assert "160,300" in page and "Add a pledge" in page


def test_staff_mark_a_pledge_received_with_its_date(staff_client, project):
    pledge = project.pledges.get()
    url = reverse("partnerships:pledge-edit", args=[project.pk, pledge.pk])
    form = staff_client.get(url).content.decode()
    assert "Total indicative pledges" in form
    response = staff_client.post(url, {
        "donor_description": "Total indicative pledges", "status": "received", "amount": "40700", "currency": "USD",
        "received_on": "2026-01-15",
    })
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert (pledge.status, pledge.received_on) == ("received", dt.date(2026, 1, 15))
    assert funding.project_detail(project.pk).received_total == Decimal(40700)
    assert [h.status for h in pledge.history.order_by("history_date")] == ["indicative", "received"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "received"}, "Give the date the money was received."),
        ({"currency": "EUR"}, "Pledges are in the project&#x27;s currency (USD)"),
        ({"currency": "XYZ"}, "Select a valid choice."),
        ({"donor_description": ""}, "Choose the donor, or describe it when the source does not name it."),
        ({"amount": "-1"}, "An amount cannot be negative."),
        ({"pledged_on": "2026-03-01", "received_on": "2026-02-01", "status": "received"}, "cannot be received before it was pledged"),
        ({"pledged_on": "1985-01-01"}, "Enter a date between"),
    ],
    ids=["received-without-date", "other-currency", "not-a-currency", "no-donor", "negative", "received-before-pledged", "1985"],
)
def test_bad_pledges_are_named_on_their_field_and_nothing_is_saved(staff_client, project, data, message):
    posted = {"donor_description": "Another donor", "status": "indicative", "amount": "1000", "currency": "USD", **data}
    response = staff_client.post(reverse("partnerships:pledge-add", args=[project.pk]), posted)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert project.pledges.count() == 1


def test_staff_remove_a_pledge_recorded_by_mistake(staff_client, project):
    pledge = project.pledges.get()
    response = staff_client.post(reverse("partnerships:pledge-edit", args=[project.pk, pledge.pk]), {"remove": "1"})
    assert response.status_code == 302
    assert not project.pledges.exists()
    assert gap(project) == Decimal(226000)
    assert Pledge.history.filter(id=pledge.pk, history_type="-").exists()


def test_only_staff_change_budgets_and_pledges(client_for, project, state_a_user):
    pledge = project.pledges.get()
    for role in ("state_a", "entity_fp"):
        client = client_for(role)
        assert client.post(budget_url(project), budget_post([])).status_code == 403
        assert client.post(reverse("partnerships:pledge-edit", args=[project.pk, pledge.pk]), {"remove": "1"}).status_code == 403
    with pytest.raises(PermissionDenied):
        pledge_add(project=project, data=PledgeData(amount=Decimal(1), currency="USD", donor_description="x"),
                   actor=actor_for(state_a_user), user=state_a_user)
    assert project.pledges.count() == 1 and project.budget_lines.count() == 3
    page = client_for("anonymous").get(reverse("partnerships:project-detail", args=[project.pk])).content.decode()
    assert "Add a pledge" not in page and "Edit the budget" not in page
