"""The browser pages: list with filters, detail, dashboard."""

import datetime as dt
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from entities.access import actor_for
from recommendations.models import SuggestedAction
from recommendations.services import status_update_post

LIST = reverse("recommendations:index")


def test_the_list_shows_references_clusters_and_statuses(annex, client):
    page = client.get(LIST).content.decode().split("<tbody>")[1]
    assert "S/2015/289" in page and "S/2013/503" in page and "S/2008/258" in page
    assert "Weapons and ammunition management" in page
    assert "Not started" in page


def test_the_list_filters_by_cluster_addressee_entity_report_status_and_text(annex, client):
    def refs(query):
        return set(re.findall(r"S/\d{4}/\d+", client.get(LIST, query).content.decode().split("<tbody>")[1]))

    assert refs({"cluster": "peacekeeping"}) == {"S/2008/258"}
    assert refs({"addressee": "security-council"}) == {"S/2015/289", "S/2013/503"}
    assert refs({"entity": "UNIDIR"}) == {"S/2008/258"}
    assert refs({"report": "S/2013/503"}) == {"S/2015/289", "S/2013/503"}
    assert refs({"q": "surplus"}) == {"S/2008/258"}
    assert refs({"status": "completed"}) == set()


def test_an_unknown_filter_value_shows_an_error_not_a_500(annex, client):
    response = client.get(LIST, {"cluster": "<script>nope</script>", "updated_since": "soon"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Select a valid choice" in body
    assert "<script>nope" not in body


def test_the_detail_groups_actions_by_addressee_with_their_timeline(annex, client, isu_staff):
    status_update_post(action=annex["briefing"], actor=actor_for(isu_staff), user=isu_staff, status="in_progress", note="Briefing held in March.",
                       evidence_url="https://example.org/minutes")
    body = client.get(annex["first"].get_absolute_url()).content.decode()
    assert body.index("Security Council") < body.index("All Member States")
    assert "Briefing held in March." in body
    assert "https://example.org/minutes" in body
    assert f'href="{reverse("entities:entity-detail", args=["UNMAS"])}"' in body


def test_the_list_page_query_count_does_not_grow_with_the_page(many_recommendations, client):
    counts = []
    for page in ("1", "3"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"page": page}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_dashboard_counts_by_cluster_addressee_and_entity_without_inline_script(annex, client, isu_staff):
    status_update_post(action=annex["studies"], actor=actor_for(isu_staff), user=isu_staff, status="completed")
    response = client.get(reverse("recommendations:dashboard"))
    body = response.content.decode()
    # The charts are SVG drawn on the server (the one chart technique), each beside its table.
    for chart in ("chart-by-cluster", "chart-by-addressee", "chart-by-entity"):
        assert f'role="img" aria-labelledby="{chart}-title"' in body
    assert "chart.umd" not in body and "recommendations/dashboard.js" not in body
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", body)
    assert scripts == []
    data = response.context["counts"]
    assert {row["label"]: row["counts"]["completed"] for row in data["by_cluster"]} == {
        "Weapons and ammunition management": 0, "Peacekeeping": 1,
    }
    assert {row["label"]: row["total"] for row in data["by_addressee"]} == {
        "Security Council": 1, "All Member States": 1, "United Nations system and other relevant entities": 1,
    }
    assert {row["label"]: row["total"] for row in data["by_entity"]} == {"UNMAS": 1, "UNIDIR": 1}


@override_settings(RECOMMENDATIONS_STALE_DAYS=30)
def test_open_actions_without_a_recent_update_are_listed_as_stale(annex, client, isu_staff):
    SuggestedAction.objects.update(created_at=timezone.now() - dt.timedelta(days=60))
    status_update_post(action=annex["briefing"], actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    status_update_post(action=annex["studies"], actor=actor_for(isu_staff), user=isu_staff, status="completed")
    SuggestedAction.objects.filter(pk=annex["studies"].pk).update(last_status_update_at=timezone.now() - dt.timedelta(days=90))
    response = client.get(reverse("recommendations:dashboard"))
    assert [a.pk for a in response.context["stale_actions"]] == [annex["marking"].pk]
    assert "no update for 30 days" in response.content.decode()
