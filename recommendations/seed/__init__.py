"""Loads annex I of S/2017/1025 (the real data) from `data/seed/recommendations.json`: reports,
clusters, recommendations with their references, suggested actions per addressee, the UN
entities and organisations they name, and the standards and goals they cite. Idempotent: a
second run changes nothing, and statuses and status histories recorded since are never
touched. Runs after entities/seed, whose registry resolves the names the actions use; the file
is extracted from the document by `extract.py` (manage.py extract_seed_data)."""

import datetime as dt
from collections import Counter

from django.db.models import Q
from django.utils.text import slugify

from entities.loading import Counter as NamesCounter
from entities.loading import in_english, read_seed_data
from entities.models import AddresseeGroup, Entity, EntityName, Organisation
from entities.seed.names import load_official_names

from ..models import Cluster, Recommendation, Reference, Report, SuggestedAction, Tag

RE_EXAMINING_REPORT = "S/2017/1025"

# The addressee names of the annex -> AddresseeGroup slugs (created by entities/seed).
ADDRESSEES = {
    "Security Council": "security-council",
    "All Member States": "all-member-states",
    "United Nations system and other relevant entities": "un-system",
}


class SeedError(RuntimeError):
    """The annex names something the registry does not hold; the message says what."""


@in_english
def load(*, stdout, **options) -> None:
    counter: Counter = Counter()
    load_annex(read_seed_data("recommendations"), counter=counter)
    stdout.write(f"recommendations: annex I of {RE_EXAMINING_REPORT} ({dict(counter) or 'unchanged'})\n")
    names = NamesCounter()
    for model in (Report, Cluster):
        load_official_names(model, names)
    stdout.write(f"recommendations: official French and Spanish names ({names})\n")


def _reference_label(reference: dict) -> str:
    return f"{reference['report']}, recommendation {reference['number']}"


def load_annex(data: dict, *, counter: Counter | None = None) -> None:
    counter = counter if counter is not None else Counter()
    reports = {}
    for record in data["reports"]:
        values = {key: value for key, value in record.items() if key not in ("symbol", "source")}
        if "date" in values:
            values["date"] = dt.date.fromisoformat(values["date"])
        reports[record["symbol"]] = _upsert(Report, counter, {"symbol": record["symbol"]}, values)
    addressees = {name: _addressee(name, slug, counter) for name, slug in ADDRESSEES.items()}
    clusters = {
        record["name"]: _upsert(
            Cluster, counter, {"slug": slugify(record["name"])}, {"name": record["name"], "position": record["position"]},
        )
        for record in data["clusters"]
    }
    tags = {
        record["code"]: _upsert(Tag, counter, {"code": record["code"]}, {"kind": record["kind"], "name": record["name"]})
        for record in data["tags"]
    }
    for record in data["recommendations"]:
        first = record["references"][0]
        where = _reference_label(first)
        if first["report"] not in reports:
            raise SeedError(f"{where}: report {first['report']} is not one of the annex's reports")
        existing = Reference.objects.filter(report=reports[first["report"]], number=first["number"]).first()
        values = {
            "text": record["text"], "cluster": clusters[record["cluster"]],
            "re_examined_in": reports[record["re_examined_in"]], "position": record["position"],
        }
        if existing:
            recommendation = _update(existing.recommendation, counter, values)
        else:
            recommendation = Recommendation.objects.create(**values)
            counter["Recommendation created"] += 1
        for ref_position, reference in enumerate(record["references"]):
            _upsert(
                Reference, counter, {"report": reports[reference["report"]], "number": reference["number"]},
                {"recommendation": recommendation, "position": ref_position},
            )
        for parsed in record["actions"]:
            if parsed["addressee"] not in addressees:
                raise SeedError(f"{where}: unknown addressee {parsed['addressee']!r}")
            action = _upsert(
                SuggestedAction, counter, {"recommendation": recommendation, "position": parsed["position"]},
                {"addressee": addressees[parsed["addressee"]], "text": parsed["text"]},
            )
            action.implementing_entities.set([_entity(name, where=where) for name in parsed["implementing_entities"]])
            action.organisations.set([_organisation(name, where=where) for name in parsed["organisations"]])
            action.tags.set([tags[code] for code in parsed["tags"]])


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
        # entities/seed normally creates it (linked to the Security Council entity); this
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
