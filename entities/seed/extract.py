"""Extracts the registry's seed data (`data/seed/entities.json`) from the documents.

Every entity, other name, organisation, addressee group and the treaty's reporting deadline of
`facts.py` is looked for in the documents it is said to come from; a wording that is not there
stops the extraction with the document and the wording, so the data never claims a source
that does not say it.
"""

from __future__ import annotations

from .documents import APMBC, CASA, MASG, SG, QuoteNotFound, SeedDocuments
from .facts import (
    ADDRESSEE_GROUPS,
    APMBC_NAME,
    ARTICLE_7,
    ARTICLE_7_WORDING,
    CASA_PARTICIPANTS,
    ENTITIES,
    IED_TASK_FORCE_PARTICIPANTS,
    ORGANISATIONS,
    EntityFact,
)
from .reference import un_entities

# Wordings that identify an entity in a document but are not stored as one of its names.
ALSO_WRITTEN = {
    "Sanctions committees": ("sanctions committees",),
}


def _wordings(fact: EntityFact) -> list[tuple[str, ...]]:
    names = [fact.acronym, fact.name, *ALSO_WRITTEN.get(fact.acronym, ()), *(other.name for other in fact.other_names)]
    wordings = [(name,) for name in names] + [other.quote for other in fact.other_names]
    return list(dict.fromkeys(wordings))


def extract_entities(documents: SeedDocuments) -> list[dict]:
    for fact in ENTITIES:
        for other in fact.other_names:
            if other.name not in " ".join(other.quote):
                raise ValueError(f"{fact.acronym}: the wording for “{other.name}” does not contain it")
    known = {fact.acronym for fact in ENTITIES} | {row["acronym"] for row in un_entities()}
    records = []
    for fact in ENTITIES:
        if fact.parent and fact.parent not in known:
            raise ValueError(f"{fact.acronym}: parent {fact.parent} is neither in facts.py nor in un-entities.csv")
        records.append({
            "acronym": fact.acronym,
            "name": fact.name,
            "kind": str(fact.kind),
            "parent": fact.parent,
            "other_names": [
                {"name": other.name, "source": documents.cite(other.document, *other.quote)} for other in fact.other_names
            ],
            "sources": [
                documents.cite_first(document, _wordings(fact), what=f"the UN entity {fact.acronym}")
                for document in fact.named_in
            ],
        })
    _check_lists(records)
    return records


def _check_lists(records: list[dict]) -> None:
    """The participant lists other seeds rely on name only entities found in those documents."""
    named_in = {record["acronym"]: {source["document"] for source in record["sources"]} for record in records}
    for acronyms, document in ((CASA_PARTICIPANTS, CASA), (IED_TASK_FORCE_PARTICIPANTS, MASG)):
        for acronym in acronyms:
            if document not in named_in.get(acronym, ()):
                raise QuoteNotFound(f"{document}: {acronym} is listed as a participant but not found there")


def extract_organisations(documents: SeedDocuments) -> list[dict]:
    records = []
    for fact in ORGANISATIONS:
        wordings = [(wording,) for wording in (fact.name, fact.acronym, fact.wording) if wording]
        records.append({
            "name": fact.name,
            "acronym": fact.acronym,
            "kind": str(fact.kind),
            "sources": [
                documents.cite_first(document, wordings, what=f"the organisation {fact.name}") for document in fact.named_in
            ],
        })
    return records


def extract(documents: SeedDocuments) -> dict:
    return {
        "entities": extract_entities(documents),
        "organisations": extract_organisations(documents),
        "addressee_groups": [
            {
                "slug": slug, "name": name, "entity": acronym,
                "source": documents.cite(SG, name, after=first_row, place=f"annex I, {first_row}, column “Entity”"),
            }
            for slug, name, acronym, first_row in ADDRESSEE_GROUPS
        ],
        "treaties": [
            {"short_name": "APMBC", "name": APMBC_NAME, "source": documents.cite(APMBC, APMBC_NAME, place="title")},
        ],
        "reporting_obligations": [
            {**ARTICLE_7, "source": documents.cite(APMBC, ARTICLE_7_WORDING, place="III. Recommendations, 14 (b)")},
        ],
    }
