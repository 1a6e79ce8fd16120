"""After sign-in each role lands on its own work: ISU staff on what needs the secretariat, a
State focal point on its State's entries, deadlines, letters and challenges, a UN entity focal
point on the actions and items its entity implements. Never another State's private records."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice

from letters.models import LetterStatus
from partnerships.choices import Visibility
from recommendations.models import SuggestedAction
from taskforce.models import ActionItemStatus
from tests.conftest import make_user, sign_in
from tests.factories import (
    ActionItemFactory,
    ChallengeFactory,
    LetterFactory,
    MatchFactory,
    NeedFactory,
    OfferFactory,
    ReportingObligationFactory,
    ReportSubmissionFactory,
    SuggestedActionFactory,
    TreatyPartyFactory,
)
from tests.security.helpers import current_code, sign_in_with_password

pytestmark = pytest.mark.django_db

START = reverse("start")


@pytest.fixture
def article7(state_a, state_b):
    """The APMBC's article 7 obligation; both role States are parties since 1999."""
    obligation = ReportingObligationFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=obligation.treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
    return obligation


def _long_ago(days: int = 400) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _stale_action(**kwargs) -> SuggestedAction:
    """An open action recorded long ago and never updated: stale for the default threshold."""
    action = SuggestedActionFactory(**kwargs)
    SuggestedAction.objects.filter(pk=action.pk).update(created_at=_long_ago())
    return action


def _page(client) -> str:
    response = client.get(START)
    assert response.status_code == 200
    return response.content.decode()


# --- sign-in lands here ------------------------------------------------------------------------

def test_a_focal_point_signing_in_lands_on_the_start_page(state_a_user):
    response = sign_in_with_password(Client(), "focal-a")
    assert response.status_code == 302
    assert response["Location"] == START


def test_sign_in_still_honours_a_page_asked_for(state_a_user):
    wanted = reverse("partnerships:mine")
    response = Client().post(
        f"{reverse('login')}?next={wanted}", {"username": "focal-a", "password": "correct-horse-battery-staple", "next": wanted},
    )
    assert response["Location"] == wanted


def test_staff_land_on_the_start_page_after_the_two_factor_step(isu_staff):
    client = Client()
    response = sign_in_with_password(client, "isu")
    assert response["Location"].startswith(reverse("two-factor"))
    device = TOTPDevice.objects.create(user=isu_staff, name="default", confirmed=True)
    response = client.post(reverse("two-factor"), {"token": current_code(device), "next": START})
    assert response["Location"] == START


def test_the_two_factor_step_without_a_page_asked_for_leads_to_the_start_page(isu_staff):
    client = Client()
    sign_in_with_password(client, "isu")
    device = TOTPDevice.objects.create(user=isu_staff, name="default", confirmed=True)
    response = client.post(reverse("two-factor"), {"token": current_code(device)})
    assert response["Location"] == START


def test_anonymous_visitors_keep_the_public_home_page_and_are_asked_to_sign_in_for_the_start_page():
    client = Client()
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert START not in home.content.decode()
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_header_offers_my_work_to_signed_in_users(client_for):
    page = client_for("state_a").get(reverse("home")).content.decode()
    assert f'href="{START}">My work</a>' in page


# --- ISU staff ---------------------------------------------------------------------------------

def test_staff_see_what_needs_them_with_links_to_where_it_is_handled(client_for, article7, state_a, state_b, entity):
    today = timezone.localdate()
    no_recipient = LetterFactory(state=state_a, status=LetterStatus.NO_RECIPIENT, subject="Reminder to Mexico, nobody on file")
    failed = LetterFactory(state=state_b, status=LetterStatus.FAILED, subject="Reminder to Uganda that bounced")
    LetterFactory(state=state_b, status=LetterStatus.SENT, subject="Reminder delivered fine")
    ReportSubmissionFactory(obligation=article7, state=state_a, period=today.year - 1, received_on=today)
    ReportSubmissionFactory(obligation=article7, state=state_b, period=today.year - 2, received_on=today - dt.timedelta(days=40))
    stale = NeedFactory(state=state_b, title="Victim assistance need left unconfirmed", confirmed_at=_long_ago())
    NeedFactory(state=state_b, title="Need confirmed last week", confirmed_at=_long_ago(7))
    proposed = MatchFactory(need=NeedFactory(state=state_a, title="Detector need"), offer=OfferFactory(state=state_b, title="Detector offer"))
    MatchFactory(need=NeedFactory(state=state_a), offer=OfferFactory(state=state_b, title="Offer already accepted"), status="accepted")
    overdue = ActionItemFactory(entity=entity, text="Circulate the mapping survey results", due_on=today - dt.timedelta(days=10))
    ActionItemFactory(entity=entity, text="Draft the work plan for next year", due_on=today + dt.timedelta(days=10))
    ActionItemFactory(entity=entity, text="Item already done late", due_on=today - dt.timedelta(days=10), status=ActionItemStatus.DONE)
    forgotten = _stale_action(text="Establish national points of contact on ammunition")
    SuggestedActionFactory(text="Recently recorded action on marking")

    response = client_for("isu_staff").get(START)
    page = response.content.decode()

    assert response.context["letters"]["count"] == 2
    assert f'href="{no_recipient.get_absolute_url()}"' in page and f'href="{failed.get_absolute_url()}"' in page
    assert "Reminder delivered fine" not in page
    assert response.context["reports"]["count"] == 1
    assert f'href="{reverse("letters:report-list")}?state=MX"' in page
    assert f'href="{stale.get_absolute_url()}"' in page and "Need confirmed last week" not in page
    assert f'href="{proposed.get_absolute_url()}"' in page and "Offer already accepted" not in page
    assert f'href="{overdue.get_absolute_url()}"' in page
    assert "Draft the work plan" not in page and "Item already done late" not in page
    assert f'href="{reverse("recommendations:detail", args=[forgotten.recommendation_id])}#action-{forgotten.pk}"' in page
    assert "Recently recorded action on marking" not in page
    assert "no status update for 180 days" in page


# --- State focal points ------------------------------------------------------------------------

def test_a_focal_point_sees_its_states_entries_with_when_to_confirm_them(client_for, article7, state_a, state_b):
    own_private = NeedFactory(state=state_a, visibility=Visibility.SECRETARIAT, title="Mexico's confidential need")
    NeedFactory(state=state_a, title="Mexico's withdrawn need", status="withdrawn")
    NeedFactory(state=state_b, visibility=Visibility.SECRETARIAT, title="Uganda's confidential need")
    OfferFactory(state=state_b, visibility=Visibility.PUBLIC, title="Uganda's public offer")

    response = client_for("state_a").get(START)
    page = response.content.decode()

    assert f'href="{own_private.get_absolute_url()}"' in page
    confirm_by = own_private.confirmed_at + dt.timedelta(days=365)
    assert date_format(timezone.localtime(confirm_by).date(), "DATE_FORMAT") in page
    assert "Uganda&#x27;s confidential need" not in page and "Uganda's confidential need" not in page
    assert "Uganda&#x27;s public offer" not in page, "the start page lists the State's own entries only"
    assert "withdrawn need" not in page
    assert f'href="{reverse("partnerships:mine")}"' in page


def test_a_focal_point_never_sees_another_states_letters_or_unshared_challenges(client_for, article7, state_a, state_b):
    LetterFactory(state=state_a, status=LetterStatus.SENT, subject="Article 7 reminder for Mexico", sent_at=timezone.now())
    LetterFactory(state=state_a, status=LetterStatus.CANCELLED, subject="Cancelled letter to Mexico")
    LetterFactory(state=state_b, status=LetterStatus.SENT, subject="Article 7 reminder for Uganda")
    own = ChallengeFactory(state=state_a, description="Mexico: access to the border area is restricted.")
    ChallengeFactory(state=state_b, description="Uganda: funding for survey teams has ended.", consent_to_share=False)

    page = _page(client_for("state_a"))

    assert "Article 7 reminder for Mexico" in page
    assert "Article 7 reminder for Uganda" not in page
    assert "Cancelled letter to Mexico" not in page
    assert "access to the border area" in page
    assert f'href="{reverse("partnerships:challenge-edit", args=[own.pk])}"' in page
    assert "funding for survey teams" not in page
    # The outbox stays the secretariat's: the letter is listed, not linked.
    assert reverse("letters:outbox") not in page


def test_a_focal_point_sees_its_next_article_7_deadline_and_the_previous_reports(client_for, article7, state_a, time_machine):
    time_machine.move_to(dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC))
    ReportSubmissionFactory(obligation=article7, state=state_a, period=2025, received_on=dt.date(2026, 4, 20))
    ReportSubmissionFactory(obligation=article7, state=state_a, period=2024, received_on=dt.date(2025, 6, 2))
    ReportSubmissionFactory(obligation=article7, state=state_a, kind="initial", period=1999, received_on=dt.date(1999, 8, 1))

    response = client_for("state_a").get(START)
    reporting = response.context["reporting"]
    page = response.content.decode()

    assert (reporting.next_year, reporting.next_deadline) == (2026, dt.date(2027, 4, 30))
    assert f"Covering 2026, due by {date_format(dt.date(2027, 4, 30), 'DATE_FORMAT')}" in page
    assert [(row.year, row.verdict) for row in reporting.previous] == [(2025, "on_time"), (2024, "late"), (2023, "missing")]
    assert ">on time<" in page and ">late<" in page and ">missing<" in page
    assert reporting.initial_verdict == "on_time"


def test_after_the_deadline_the_next_report_is_the_one_for_this_year(client_for, article7, state_a, time_machine):
    time_machine.move_to(dt.datetime(2027, 5, 2, 9, 0, tzinfo=dt.UTC))
    reporting = client_for("state_a").get(START).context["reporting"]
    assert (reporting.next_year, reporting.next_deadline) == (2027, dt.date(2028, 4, 30))
    assert reporting.previous[0].year == 2026 and reporting.previous[0].verdict == "missing"


def test_a_state_that_is_not_party_is_told_it_has_no_reporting_obligation(client_for, state_a):
    ReportingObligationFactory()
    page = _page(client_for("state_a"))
    assert "No article 7 reporting obligation is recorded for your State." in page


# --- UN entity focal points --------------------------------------------------------------------

def test_an_entity_focal_point_sees_the_actions_and_items_its_entity_implements(client_for, entity, other_entity):
    today = timezone.localdate()
    forgotten = _stale_action(text="Support national marking programmes", implementing_entities=[entity])
    fresh = SuggestedActionFactory(text="Share clearance standards", implementing_entities=[entity])
    SuggestedActionFactory(text="Research on diversion", implementing_entities=[other_entity])
    SuggestedActionFactory(text="Completed training", implementing_entities=[entity], status="completed")
    late = ActionItemFactory(entity=entity, text="Send the list of mine action capabilities", due_on=today - dt.timedelta(days=3))
    ActionItemFactory(entity=entity, text="Update the glossary", due_on=today + dt.timedelta(days=30))
    ActionItemFactory(entity=other_entity, text="Item of another entity", due_on=today - dt.timedelta(days=3))

    response = client_for("entity_fp").get(START)
    page = response.content.decode()

    actions = response.context["actions"]
    assert [a.pk for a in actions["items"]] == [forgotten.pk, fresh.pk]
    assert response.context["stale_action_count"] == 1
    assert "update overdue" in page
    assert f'href="{reverse("recommendations:action-status", args=[fresh.recommendation_id, fresh.pk])}"' in page
    assert "Research on diversion" not in page and "Completed training" not in page
    assert f'href="{late.get_absolute_url()}"' in page and "Update the glossary" in page
    assert "Item of another entity" not in page
    assert response.context["overdue_item_count"] == 1


# --- other accounts ----------------------------------------------------------------------------

def test_an_api_account_signed_in_with_a_password_gets_a_page_about_the_api(api_user):
    page = _page(sign_in(Client(), api_user))
    assert "This account is for the REST API" in page
    assert reverse("api-docs") in page


def test_a_signed_in_user_without_a_role_is_told_what_to_do(db):
    page = _page(sign_in(Client(), make_user("newcomer", None)))
    assert "not yet bound to a State or a UN entity" in page


def test_a_focal_point_whose_state_has_no_work_yet_gets_empty_lists(client_for):
    page = _page(client_for("state_b"))
    assert "Your State has no current entry on the Platform." in page
    assert "No letter has been sent to your State yet." in page


# --- query counts ------------------------------------------------------------------------------

def _grow(n, *, state_a, state_b, entity):
    """n more items of every kind each role's start page lists."""
    today = timezone.localdate()
    for _ in range(n):
        LetterFactory(state=state_a, status=LetterStatus.NO_RECIPIENT)
        LetterFactory(state=state_b, status=LetterStatus.FAILED)
        NeedFactory(state=state_a, visibility=Visibility.SECRETARIAT, confirmed_at=_long_ago())
        MatchFactory(need=NeedFactory(state=state_a), offer=OfferFactory(state=state_b))
        ChallengeFactory(state=state_a)
        ActionItemFactory(entity=entity, due_on=today - dt.timedelta(days=2))
        _stale_action(implementing_entities=[entity])


@pytest.mark.parametrize("role", ["isu_staff", "state_a", "entity_fp"])
def test_the_start_page_costs_the_same_queries_with_1_and_10_items_of_each_kind(
    client_for, article7, state_a, state_b, entity, role,
):
    client = client_for(role)
    today = timezone.localdate()
    grow = {"state_a": state_a, "state_b": state_b, "entity": entity}
    _grow(1, **grow)
    ReportSubmissionFactory(obligation=article7, state=state_a, period=2000, received_on=today)
    client.get(START)  # first request: session and translation caches warm up
    with CaptureQueriesContext(connection) as one:
        assert client.get(START).status_code == 200
    _grow(9, **grow)
    for year in range(2001, 2010):
        ReportSubmissionFactory(obligation=article7, state=state_a, period=year, received_on=today)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(START).status_code == 200
    assert len(ten.captured_queries) == len(one.captured_queries), [q["sql"] for q in ten.captured_queries]
