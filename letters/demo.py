"""Demo only: a planned Platform for Partnerships campaign, and obligation facts (stockpiles,
mined areas, an article 5 extension) for a few demo States Parties, all labelled as demo."""

import datetime as dt

from entities.models import Treaty
from letters.models import Campaign, ClearanceExtension, DestructionKind, DestructionObligation, TemplateKind


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
    stdout.write(f"letters demo: {_obligation_facts(treaty)} demo obligation fact(s) created")


def _obligation_facts(treaty: Treaty) -> int:
    """Stockpiles for the first demo State Party, mined areas for the first three, and a
    five-year extension for the second: enough to see every kind of deadline. Written directly
    (not through the services, whose dates are bounded by today) and marked is_demo."""
    from entities.models import TreatyParty

    from letters import deadlines

    parties = list(TreatyParty.objects.filter(treaty=treaty, is_demo=True, entry_into_force__isnull=False).order_by("state__code")[:3])
    created = 0
    for index, party in enumerate(parties):
        kinds = [DestructionKind.MINED_AREAS] + ([DestructionKind.STOCKPILES] if index == 0 else [])
        for kind in kinds:
            record, made = DestructionObligation.objects.get_or_create(
                party=party, kind=kind,
                defaults={"recorded_on": party.entry_into_force, "source": "[Demo] initial article 7 report", "is_demo": True},
            )
            created += made
            if made and index == 1 and kind == DestructionKind.MINED_AREAS:
                first = deadlines.article5_deadline(party.entry_into_force).deadline
                ClearanceExtension.objects.create(
                    obligation=record, decision="[Demo] Decision on the request for an extension", meeting="[Demo] Meeting of the States Parties",
                    new_deadline=deadlines.add_years(first, 5), months_granted=60, is_demo=True,
                )
                created += 1
    return created
