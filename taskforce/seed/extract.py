"""Extracts the task forces' seed data (`data/seed/taskforce.json`) from the documents: the
curated records of `facts.py`, each checked against its document and cited there."""

from entities.seed.documents import SeedDocuments

from .facts import DOCUMENTS, MECHANISMS


def extract(documents: SeedDocuments) -> dict:
    return documents.resolve({"documents": DOCUMENTS, "mechanisms": MECHANISMS})
