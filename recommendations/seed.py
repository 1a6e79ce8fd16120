"""Loads annex I of S/2017/1025 (the real data): reports, clusters, recommendations with their
references, suggested actions per addressee, the UN entities and organisations they name, and
the standards and goals they cite. Idempotent: a second run changes nothing, and statuses and
status histories recorded since are never touched. Runs after entities/seed.py."""

import datetime as dt
from collections import Counter

from django.db.models import Q
from django.utils.text import slugify

from entities.loading import seeds_dir as find_seeds_dir
from entities.models import AddresseeGroup, Entity, EntityName, Organisation

from .annex import find_entity_mentions, find_organisation_mentions, find_tags, parse_annex
from .models import Cluster, Recommendation, Reference, Report, SuggestedAction, Tag

SOURCE = "sg-report-2017-small-arms-S-2017-1025.txt"
RE_EXAMINING_REPORT = "S/2017/1025"

# Only what the document states: S/2017/1025 is a Security Council document of 6 December
# 2017 titled "Small arms and light weapons: Report of the Secretary-General"; the four earlier
# reports are reports of the Secretary-General to the Security Council on the same issue,
# whose titles and dates the document does not give (left blank).
REPORTS = {
    "S/2017/1025": {
        "title": "Small arms and light weapons: Report of the Secretary-General",
        "date": dt.date(2017, 12, 6),
        "organ": "Security Council",
    },
    "S/2008/258": {"organ": "Security Council"},
    "S/2011/255": {"organ": "Security Council"},
    "S/2013/503": {"organ": "Security Council"},
    "S/2015/289": {"organ": "Security Council"},
}

# The addressee names of the annex -> AddresseeGroup slugs (created by entities/seed.py).
ADDRESSEES = {
    "Security Council": "security-council",
    "All Member States": "all-member-states",
    "United Nations system and other relevant entities": "un-system",
}


class SeedError(RuntimeError):
    """The annex names something the registry does not hold; the message says what."""


def load(*, stdout, seeds_dir=None, **options) -> None:
    document = (find_seeds_dir(seeds_dir) / SOURCE).read_text(encoding="utf-8")
    counter: Counter = Counter()
    load_annex(document, counter=counter)
    stdout.write(f"recommendations: annex I of {RE_EXAMINING_REPORT} ({dict(counter) or 'unchanged'})\n")


def load_annex(document: str, *, counter: Counter | None = None) -> None:
    counter = counter if counter is not None else Counter()
    rows = parse_annex(document)
    reports = {symbol: _upsert(Report, counter, {"symbol": symbol}, values) for symbol, values in REPORTS.items()}
    addressees = {name: _addressee(name, slug, counter) for name, slug in ADDRESSEES.items()}
    clusters: dict[str, Cluster] = {}
    for row in rows:
        if row.cluster not in clusters:
            clusters[row.cluster] = _upsert(
                Cluster, counter, {"slug": slugify(row.cluster)}, {"name": row.cluster, "position": len(clusters) + 1}
            )
    for position, row in enumerate(rows, start=1):
        first = row.references[0]
        if first.report not in reports:
            raise SeedError(f"{first}: report {first.report} is not one of the annex's reports")
        existing = Reference.objects.filter(report=reports[first.report], number=first.number).first()
        values = {
            "text": row.text, "cluster": clusters[row.cluster],
            "re_examined_in": reports[RE_EXAMINING_REPORT], "position": position,
        }
        if existing:
            recommendation = _update(existing.recommendation, counter, values)
        else:
            recommendation = Recommendation.objects.create(**values)
            counter["Recommendation created"] += 1
        for ref_position, reference in enumerate(row.references):
            _upsert(
                Reference, counter, {"report": reports[reference.report], "number": reference.number},
                {"recommendation": recommendation, "position": ref_position},
            )
        for action_position, parsed in enumerate(row.actions, start=1):
            if parsed.addressee not in addressees:
                raise SeedError(f"{first}: unknown addressee {parsed.addressee!r}")
            action = _upsert(
                SuggestedAction, counter, {"recommendation": recommendation, "position": action_position},
                {"addressee": addressees[parsed.addressee], "text": parsed.text},
            )
            action.implementing_entities.set([_entity(name, where=str(first)) for name in find_entity_mentions(parsed.text)])
            action.organisations.set(
                [_organisation(name, where=str(first)) for name in find_organisation_mentions(parsed.text)]
            )
            action.tags.set(
                [_upsert(Tag, counter, {"code": code}, {"kind": kind, "name": name}) for code, kind, name in find_tags(parsed.text)]
            )


def _upsert(model, counter: Counter, lookup: dict, values: dict):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        counter[f"{model.__name__} created"] += 1
        return model.objects.create(**lookup, **values)
    return _update(obj, counter, values)


def _update(obj, counter: Counter, values: dict):
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        counter[f"{type(obj).__name__} updated"] += 1
    return obj


def _addressee(name: str, slug: str, counter: Counter) -> AddresseeGroup:
    group = AddresseeGroup.objects.filter(slug=slug).first()
    if group is None:
        # entities/seed.py normally creates it (linked to the Security Council entity); this
        # keeps the loader usable on its own.
        group = AddresseeGroup.objects.create(slug=slug, name=name)
        counter["AddresseeGroup created"] += 1
    return group


def _entity(name: str, *, where: str) -> Entity:
    entity = (
        Entity.objects.filter(acronym__iexact=name).first()
        or Entity.objects.filter(pk__in=EntityName.objects.filter(name__iexact=name).values("entity")).first()
        or Entity.objects.filter(name__iexact=name).first()
    )
    if entity is None:
        raise SeedError(
            f"{where}: the action names {name!r}, which matches no UN entity (acronym, name or other name). "
            "Load the entities seed first, or add the entity or its other name to the registry."
        )
    return entity


def _organisation(name: str, *, where: str) -> Organisation:
    organisation = Organisation.objects.filter(Q(acronym__iexact=name) | Q(name__iexact=name)).first()
    if organisation is None:
        raise SeedError(f"{where}: the action names {name!r}, which matches no organisation in the registry.")
    return organisation
