"""UN entity focal point (UNMAS): posts progress on a suggested action that UNMAS implements, and
is refused on an action that another entity implements."""

import json

import pytest

pytestmark = pytest.mark.e2e

_ACTIONS = """
import json
from recommendations.models import SuggestedAction as A
own = A.objects.filter(implementing_entities__acronym="UNMAS").order_by("pk").first()
other = A.objects.exclude(implementing_entities__acronym="UNMAS").order_by("pk").first()
print(json.dumps({"own": [own.recommendation_id, own.pk], "other": [other.recommendation_id, other.pk]}))
"""


def test_entity_focal_point_journey(journey, served_app):
    actions = json.loads(served_app.shell(_ACTIONS).splitlines()[-1])
    (recommendation, own), (other_recommendation, other) = actions["own"], actions["other"]
    j = journey("entity-focal-point")
    page = j.page
    j.sign_in("unmas")
    j.key_page("home")

    j.goto("/recommendations/?entity=UNMAS")
    j.key_page("recommendations-of-unmas")
    j.goto(f"/recommendations/{recommendation}/")
    j.key_page("recommendation")
    page.locator(f"main a[href='/recommendations/{recommendation}/actions/{own}/status/']").click()
    page.wait_for_load_state()
    j.key_page("status-form")
    page.locator("#id_status").select_option("in_progress")
    page.locator("#id_note").fill("UNMAS deployed a survey team; first report due in March.")
    page.locator("#id_evidence_url").fill("https://www.unmas.org/en/e2e-report")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/status/" not in page.url, "the update was not accepted"
    j.key_page("status-recorded")
    j.goto(f"/api/v1/actions/{own}/")
    assert '"in_progress"' in page.content(), "the API does not show the new status"

    response = page.goto(f"{served_app.url}/recommendations/{other_recommendation}/actions/{other}/status/")
    assert response.status == 403, f"another entity's action: {response.status}"
    j.key_page("other-entity-refused")
    post = page.request.post(
        f"{served_app.url}/recommendations/{other_recommendation}/actions/{other}/status/",
        form={"status": "completed", "date": "2026-11-01", "note": "forged"}, max_redirects=0,
    )
    assert post.status == 403, f"posting on another entity's action: {post.status}"
