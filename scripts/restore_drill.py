"""The backup and restore drill's Python half (scripts/restore-drill.sh runs it).

    fill               adds a few hundred generated records and an uploaded report file
    snapshot FILE      writes the row count of every table, a digest of every model's rows,
                       a sample of records and the checksum of every file in MEDIA_ROOT
    compare A B        exits 1, listing each difference, unless the two snapshots are equal
    serve              a smoke test of the restored site: pages, API and the
                       report file through Django's test client

DATABASE_URL and MEDIA_ROOT say which database and media folder it works on.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

REPORT_BYTES = b"%PDF-1.4\n% restore drill report\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"
SAMPLE_POSITIONS = 6  # records compared field by field per model, spread over the table


def fill() -> None:
    """Generated records over the seed and demo data, through the project's factories, with
    every foreign key pointing at rows that already exist."""
    from django.core.files.base import ContentFile

    from entities.models import Entity, ReportingObligation, State
    from letters.models import ReportKind, ReportSubmission
    from partnerships.choices import Visibility
    from recommendations.models import SuggestedAction
    from taskforce.models import Mechanism
    from tests.factories import (
        ActionItemFactory,
        MatchFactory,
        MeetingFactory,
        NeedFactory,
        OfferFactory,
        ParticipantFactory,
        StatusUpdateFactory,
    )

    rng = random.Random(14)
    states = list(State.objects.order_by("pk")[:60])
    entities = list(Entity.objects.order_by("pk"))
    actions = list(SuggestedAction.objects.order_by("pk")[:200])
    mechanisms = list(Mechanism.objects.order_by("pk"))
    with transaction.atomic():
        needs = [NeedFactory(state=rng.choice(states), visibility=rng.choice(list(Visibility)),
                             title=f"Drill need {n} — déminage «{n}»") for n in range(120)]
        offers = [OfferFactory(state=rng.choice(states), title=f"Drill offer {n} — oferta") for n in range(80)]
        for need, offer in zip(needs[:40], offers[:40], strict=True):
            MatchFactory(need=need, offer=offer)
        for n in range(150):
            StatusUpdateFactory(action=rng.choice(actions), status=rng.choice(["in_progress", "implemented"]),
                                note=f"Drill status update {n}")
        for n in range(30):
            meeting = MeetingFactory(mechanism=rng.choice(mechanisms), title=f"Drill meeting {n}")
            for entity in rng.sample(entities, 3):
                ParticipantFactory(meeting=meeting, entity=entity)
            ActionItemFactory(mechanism=meeting.mechanism, meeting=meeting, entity=rng.choice(entities))
        report = ReportSubmission(
            obligation=ReportingObligation.objects.order_by("pk").first(), state=states[0],
            kind=ReportKind.ANNUAL, period=2025, received_on="2026-04-15",
        )
        report.file.save("drill-article-7-report.pdf", ContentFile(REPORT_BYTES), save=False)
        report.save()
    print(f"filled: 120 needs, 80 offers, 40 matches, 150 status updates, 30 meetings, report {report.pk}")


def _models():
    return sorted(
        (m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy),
        key=lambda m: m._meta.db_table,
    )


def snapshot(path: str) -> None:
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # nosec B608 (names from the catalogue)
            counts[table] = cursor.fetchone()[0]
    digests, samples = {}, {}
    for model in _models():
        rows = list(model._base_manager.order_by("pk").values())
        encoded = [json.dumps(row, cls=DjangoJSONEncoder, sort_keys=True) for row in rows]
        digests[model._meta.db_table] = hashlib.sha256("\n".join(encoded).encode()).hexdigest()
        if rows:
            step = max(1, len(rows) // SAMPLE_POSITIONS)
            samples[model._meta.db_table] = sorted({*encoded[::step], encoded[-1]})
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(f.relative_to(media)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(media.rglob("*")) if f.is_file()
    }
    Path(path).write_text(json.dumps(
        {"counts": counts, "digests": digests, "samples": samples, "files": files}, indent=1, sort_keys=True,
    ))
    print(f"snapshot: {len(counts)} tables, {sum(counts.values())} rows, {len(files)} file(s)")


def compare(first: str, second: str) -> int:
    a, b = (json.loads(Path(p).read_text()) for p in (first, second))
    differences = []
    for part in ("counts", "digests", "samples", "files"):
        for key in sorted(set(a[part]) | set(b[part])):
            before, after = a[part].get(key), b[part].get(key)
            if before != after:
                differences.append(f"{part} {key}: backup {str(before)[:160]} restored {str(after)[:160]}")
    if not a["files"]:
        differences.append("files: the backup holds no uploaded file (the drill must include one)")
    if differences:
        print(f"RESTORE DRILL FAILED: {len(differences)} difference(s)", file=sys.stderr)
        print("\n".join(differences[:50]), file=sys.stderr)
        return 1
    print(f"compared: {len(a['counts'])} tables ({sum(a['counts'].values())} rows), "
          f"{len(a['digests'])} model digests, {len(a['files'])} file(s): identical")
    return 0


def serve() -> int:
    """The restored site answers: pages, the API and the uploaded file, byte for byte; and new
    rows get fresh ids (sequences restored), tried in a transaction that is rolled back."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from rest_framework.authtoken.models import Token

    from entities.models import Organisation
    from letters.models import ReportSubmission

    failures = []
    anonymous = Client()
    for name in ("home", "partnerships:index", "recommendations:index", "healthz", "readyz"):
        status = anonymous.get(reverse(name)).status_code
        if status != 200:
            failures.append(f"GET {reverse(name)}: HTTP {status}")
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    report = ReportSubmission.objects.exclude(file="").order_by("-pk").first()
    if staff is None or report is None:
        failures.append("no staff user or no report with a file in the restored database")
    else:
        client = Client()
        client.force_login(staff)
        device = TOTPDevice.objects.filter(user=staff).first() or TOTPDevice.objects.create(user=staff, name="drill")
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        response = client.get(reverse("letters:report-file", args=[report.pk]))
        body = b"".join(response.streaming_content) if response.status_code == 200 else b""
        if hashlib.sha256(body).digest() != hashlib.sha256(REPORT_BYTES).digest():
            failures.append(f"report file: HTTP {response.status_code}, {len(body)} bytes, not the uploaded file")
        token, _ = Token.objects.get_or_create(user=staff)
        api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
        response = api.get("/api/v1/platform/needs/?page_size=5")
        if response.status_code != 200 or not response.json().get("results"):
            failures.append(f"GET /api/v1/platform/needs/: HTTP {response.status_code}")
    try:
        with transaction.atomic():
            Organisation.objects.create(name="Restore drill organisation", acronym="DRILL")
            transaction.set_rollback(True)
    except Exception as exc:  # noqa: BLE001 (a sequence behind its table is the failure reported)
        failures.append(f"new row refused after restore: {exc.__class__.__name__}: {exc}")
    if failures:
        print("RESTORED SITE FAILED:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("served: pages, API and the report file answer from the restored database")
    return 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "fill":
        fill()
    elif command == "snapshot":
        snapshot(*rest)
    elif command == "compare":
        sys.exit(compare(*rest))
    elif command == "serve":
        sys.exit(serve())
    else:
        sys.exit(__doc__)
