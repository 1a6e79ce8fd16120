"""Real data of the task forces, loaded from `data/seed/taskforce.json` (no document is read):
CASA, the UN Coordinating Task Force on IEDs, the Committee on the Enhancement of Cooperation
and Assistance and Action for Peacekeeping, with their members, objectives, survey, meetings
and participants, declaration and endorsements. `facts.py` says what the documents say about
each; `extract.py` writes the file (manage.py extract_seed_data).

Runs after entities/seed; a UN entity, State or organisation the data names and the registry
cannot find stops the load with a message naming it. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt

from entities.loading import Counter as Tally
from entities.loading import in_english, read_seed_data, upsert
from entities.models import Entity, EntityName, Organisation, State
from entities.seed.names import load_official_names

from ..models import (
    Declaration,
    Endorsement,
    EndorsementCount,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    Survey,
    SurveyFinding,
)

DATE_FIELDS = {"established_on", "date", "launched_on", "as_of", "endorsed_on", "known_by"}
# Keys of a record that are not fields of its model: its citation and its children.
NOT_FIELDS = {
    "source", "party", "memberships", "objectives", "surveys", "findings", "meetings", "participants",
    "declarations", "endorsement_counts", "endorsements",
}


class SeedDataMissing(RuntimeError):
    pass


class Registry:
    """Looks parties up in the registry loaded by entities/seed and collects what is missing."""

    def __init__(self):
        self.missing: list[str] = []
        self.found: dict[tuple[str, str], object] = {}

    def entity(self, name: str) -> Entity | None:
        entity = Entity.objects.filter(acronym=name).first()
        if entity is None:
            alias = EntityName.objects.select_related("entity").filter(name=name).first()
            entity = alias.entity if alias else None
        if entity is None:
            self.missing.append(f"UN entity {name!r}")
        return entity

    def state(self, code: str) -> State | None:
        state = State.objects.filter(code=code).first()
        if state is None:
            self.missing.append(f"State {code!r}")
        return state

    def organisation(self, acronym: str) -> Organisation | None:
        organisation = Organisation.objects.filter(acronym=acronym).first()
        if organisation is None:
            self.missing.append(f"organisation {acronym!r}")
        return organisation

    def find(self, kind: str, key: str):
        if (kind, key) not in self.found:
            self.found[kind, key] = getattr(self, kind)(key)
        return self.found[kind, key]

    def party(self, reference: dict):
        ((kind, key),) = reference.items()
        return self.find(kind, key)

    def check(self) -> None:
        if self.missing:
            raise SeedDataMissing(
                "taskforce seed: the registry lacks " + ", ".join(self.missing)
                + ". Load entities/seed first (manage.py load_seed_data runs it before this one)."
            )


def _parties(mechanism: dict):
    """Every party a mechanism's records name, as (kind, key)."""
    if mechanism["lead_entity"]:
        yield "entity", mechanism["lead_entity"]
    if mechanism["lead_state"]:
        yield "state", mechanism["lead_state"]
    for record in [
        *mechanism.get("memberships", []),
        *(p for meeting in mechanism.get("meetings", []) for p in meeting["participants"]),
        *(e for declaration in mechanism.get("declarations", []) for e in declaration["endorsements"]),
    ]:
        yield from record["party"].items()


def party_lookup(party) -> dict:
    if isinstance(party, Entity):
        return {"entity": party, "state": None, "organisation": None}
    if isinstance(party, State):
        return {"entity": None, "state": party, "organisation": None}
    return {"entity": None, "state": None, "organisation": party}


class Loader:
    def __init__(self, data: dict, reg: Registry, tally: Tally):
        self.titles = {name: document["title"] for name, document in data["documents"].items()}
        self.reg, self.tally = reg, tally

    def source(self, citation: dict) -> str:
        """How the record's `source` field names where it comes from."""
        text = f"{citation['document']} — {self.titles[citation['document']]}"
        return f"{text} ({citation['note']})" if citation.get("note") else text

    def values(self, record: dict, *, skip: tuple[str, ...] = (), with_source: bool = True) -> dict:
        values = {}
        for name, value in record.items():
            if name in NOT_FIELDS or name in skip:
                continue
            values[name] = dt.date.fromisoformat(value) if name in DATE_FIELDS and value else value
        if with_source:
            values["source"] = self.source(record["source"])
        return values

    def mechanism(self, record: dict) -> Mechanism:
        values = self.values(record, skip=("slug",))
        values["lead_entity"] = self.reg.find("entity", record["lead_entity"]) if record["lead_entity"] else None
        values["lead_state"] = self.reg.find("state", record["lead_state"]) if record["lead_state"] else None
        mechanism = upsert(Mechanism, self.tally, {"slug": record["slug"]}, values)
        for membership in record.get("memberships", []):
            upsert(
                Membership, self.tally, {"mechanism": mechanism, **party_lookup(self.reg.party(membership["party"]))},
                self.values(membership),
            )
        for objective in record.get("objectives", []):
            upsert(
                Objective, self.tally, {"mechanism": mechanism, "kind": objective["kind"], "order": objective["order"]},
                self.values(objective, skip=("kind", "order")),
            )
        for survey_record in record.get("surveys", []):
            survey = upsert(
                Survey, self.tally, {"mechanism": mechanism, "title": survey_record["title"]},
                self.values(survey_record, skip=("title",)),
            )
            for finding in survey_record["findings"]:
                upsert(SurveyFinding, self.tally, {"survey": survey, "order": finding["order"]}, {"text": finding["text"]})
        for meeting_record in record.get("meetings", []):
            meeting = upsert(
                Meeting, self.tally, {"mechanism": mechanism, "title": meeting_record["title"]},
                self.values(meeting_record, skip=("title",)),
            )
            for participant in meeting_record["participants"]:
                upsert(
                    Participant, self.tally, {"meeting": meeting, **party_lookup(self.reg.party(participant["party"]))},
                    self.values(participant, with_source=False),
                )
        for declaration_record in record.get("declarations", []):
            declaration = upsert(
                Declaration, self.tally, {"slug": declaration_record["slug"]},
                {**self.values(declaration_record, skip=("slug",)), "mechanism": mechanism},
            )
            for count in declaration_record["endorsement_counts"]:
                upsert(
                    EndorsementCount, self.tally,
                    {"declaration": declaration, "kind": count["kind"], "as_of": dt.date.fromisoformat(count["as_of"])},
                    self.values(count, skip=("kind", "as_of")),
                )
            for endorsement in declaration_record["endorsements"]:
                upsert(
                    Endorsement, self.tally,
                    {"declaration": declaration, **party_lookup(self.reg.party(endorsement["party"]))},
                    self.values(endorsement),
                )
        return mechanism


@in_english
def load(*, stdout, **options) -> None:
    data = read_seed_data("taskforce")
    reg, tally = Registry(), Tally()
    for mechanism in data["mechanisms"]:
        for kind, key in _parties(mechanism):
            reg.find(kind, key)
    reg.check()
    loader = Loader(data, reg, tally)
    for mechanism in data["mechanisms"]:
        loader.mechanism(mechanism)
    stdout.write(
        f"taskforce: {len(data['mechanisms'])} mechanisms, their members, objectives, meetings, survey and "
        f"endorsements ({tally})\n"
    )
    names = Tally()
    for model in (Mechanism, Declaration):
        load_official_names(model, names)
    stdout.write(f"taskforce: official French and Spanish names ({names})\n")
