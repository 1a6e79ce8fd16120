"""Demo only: a planned Platform for Partnerships campaign, labelled as demo."""

import datetime as dt

from entities.models import Treaty
from letters.models import Campaign, TemplateKind


def load(*, stdout, **options) -> None:
    treaty = Treaty.objects.filter(short_name="APMBC").first()
    if treaty is None:
        stdout.write("letters demo: no APMBC treaty (load the seed data first); nothing done")
        return
    year = dt.date.today().year + 1
    _campaign, created = Campaign.objects.get_or_create(
        name=f"[Demo] Annual call for Platform for Partnerships updates {year}",
        defaults={
            "kind": TemplateKind.PLATFORM_CALL, "treaty": treaty, "period": year,
            "send_on": dt.date(year, 4, 1), "meeting": "the Intersessional Meetings",
        },
    )
    stdout.write(f"letters demo: {int(created)} demo campaign created")
