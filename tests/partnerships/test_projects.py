"""Projects show their budget, pledges and funding gap, computed; CASA is loaded from the seed."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships import seed
from partnerships.models import Pledge, Project
from partnerships.selectors import funding
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casa(db):
    EntityFactory(acronym="UNODA", name="United Nations Office for Disarmament Affairs")
    seed.load(stdout=io.StringIO())
    return Project.objects.get(title=seed.TITLE)


def test_casa_project_page_shows_226000_40700_185300(client_for, casa):
    body = client_for("anonymous").get(reverse("partnerships:project-detail", args=[casa.pk])).content.decode()
    for figure in ("226,000", "40,700", "185,300", "150,000", "50,000", "26,000"):
        assert figure in body
    assert "Mr. Daniël Prins, Mr. Tak Mashiko" in body
    assert "September 2009 – August 2010" in body


def test_casa_is_loaded_faithfully_without_inventing_a_donor(casa):
    assert [line.label for line in casa.budget_lines.all()] == [
        "Project Personnel (12 w/m at P3 level)", "Operations and Implementation Costs", "Programme Support Cost",
    ]
    (pledge,) = casa.pledges.all()
    assert pledge.donor_description == seed.UNNAMED_PLEDGES and pledge.donor_state is None and pledge.donor_entity is None
    assert pledge.status == "indicative" and pledge.amount == Decimal("40700")
    assert casa.geographic_focus == "Global" and casa.owner_entity.acronym == "UNODA"
    assert casa.objectives.startswith("- To optimize the function of the CASA mechanism")
    assert casa.objectives.endswith("strategic framework of CASA for 2009-2013.")


def test_casa_is_owned_by_the_casa_mechanism_when_the_taskforce_seed_created_it(db):
    from taskforce.models import Mechanism

    mechanism = Mechanism.objects.create(name="United Nations Coordinating Action on Small Arms", acronym="CASA", slug="casa")
    seed.load(stdout=io.StringIO())
    assert Project.objects.get().owner_mechanism == mechanism


def test_seed_is_idempotent(casa):
    seed.load(stdout=io.StringIO())
    assert Project.objects.count() == 1 and Pledge.objects.count() == 1 and casa.budget_lines.count() == 3


def test_totals_are_computed_from_lines_and_pledges(casa):
    Pledge.objects.create(project=casa, donor_description="A donor", status="received", amount=Decimal("10000"), currency="USD",
                          received_on="2010-01-01")
    totals = funding.with_totals(Project.objects.filter(pk=casa.pk)).get()
    assert (totals.budget_total, totals.pledged_total, totals.received_total, totals.funding_gap) == (
        Decimal("226000"), Decimal("50700"), Decimal("10000"), Decimal("175300"),
    )


def test_pledge_in_another_currency_is_refused(casa):
    with pytest.raises(ValidationError):
        Pledge(project=casa, donor_description="A donor", amount=1, currency="EUR").full_clean()


def test_api_gives_projects_with_computed_totals(client_for, casa):
    row = client_for("anonymous").get(reverse("partnership-project-list")).json()["results"][0]
    assert (row["budget_total"], row["pledged_total"], row["funding_gap"]) == ("226000.00", "40700.00", "185300.00")
    detail = client_for("api_token").get(reverse("partnership-project-detail", args=[casa.pk])).json()
    assert len(detail["budget_lines"]) == 3 and detail["pledges"][0]["donor"] == seed.UNNAMED_PLEDGES


def test_project_list_query_count_is_pinned(client_for, casa, django_assert_max_num_queries):
    client = client_for("anonymous")
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("partnerships:project-list"))
        client.get(reverse("partnership-project-list"))
    for number in range(5):
        Project.objects.create(title=f"Another project {number}", owner_entity=casa.owner_entity)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("partnerships:project-list"))
        client.get(reverse("partnership-project-list"))


def test_dashboard_shows_funding_gaps(client_for, casa):
    body = client_for("isu_staff").get(reverse("partnerships:dashboard")).content.decode()
    assert "Funding gaps across projects" in body and "185,300" in body
