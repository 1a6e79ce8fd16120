"""Demo data (NOT real): a few status updates so the action timelines show something.

Every note starts with "[Demo]" and every update is flagged `is_demo`: it shows in the action's
history with a "Demo" badge but never moves the action's or the recommendation's public status,
nor the dashboard's counts. Posted through the same service as the UI, by the demo logins
`unmas` (UNMAS focal point) and `isu` (ISU staff). Idempotent: skipped when present.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from entities.access import actor_for

from .models import StatusUpdate, SuggestedAction
from .services import status_update_post

DEMO_PREFIX = "[Demo]"
UPDATES = [
    # (login, entity the action names, words in the action text, status, days ago, note)
    ("unmas", "UNMAS", "May also request briefings from the Mine Action Service", "in_progress", 40,
     "[Demo] Briefing material drafted; date with the Council secretariat to be confirmed."),
    ("unmas", "UNMAS", "supplementary budget lines for project-specific ammunition", "completed", 12,
     "[Demo] Budget line included in two mission budget proposals."),
    ("isu", "UNIDIR", "providing support to UNIDIR", "in_progress", 220,
     "[Demo] Study scoped with the research institute; funding being sought."),
]


def load(*, stdout, **options) -> None:
    if StatusUpdate.objects.filter(note__startswith=DEMO_PREFIX).exists():
        stdout.write("recommendations demo: already loaded\n")
        return
    users = get_user_model().objects.in_bulk([u[0] for u in UPDATES], field_name="username")
    posted = 0
    for login, acronym, words, status, days_ago, note in UPDATES:
        action = SuggestedAction.objects.filter(implementing_entities__acronym=acronym, text__contains=words).first()
        if action is None or login not in users:
            continue
        status_update_post(
            action=action, actor=actor_for(users[login]), user=users[login], status=status, note=note,
            date=dt.date.today() - dt.timedelta(days=days_ago), is_demo=True,
        )
        posted += 1
    stdout.write(f"recommendations demo: {posted} status updates (labelled demo; public status unchanged)\n")
