"""Extracts annex I of S/2017/1025 (`data/seed/recommendations.json`) with the annex reader.

`recommendations.annex` reads the table (clusters, recommendations with their references,
suggested actions per addressee, each with the lines it was read from) and finds what each
action's text names: UN entities, organisations, standards and goals. The reports' own facts
are located on the report's cover page and in its body.
"""

from __future__ import annotations

from entities.seed.documents import SG, SeedDocuments

from ..annex import find_entity_mentions, find_organisation_mentions, find_tags, parse_annex

EARLIER_REPORTS = ("S/2008/258", "S/2011/255", "S/2013/503", "S/2015/289")
EARLIER_REPORTS_WORDING = (
    "recommendations made to the Security Council on this issue in previous reports of the Secretary-General"
)


def _reports(documents: SeedDocuments) -> list[dict]:
    # Only what the document states: S/2017/1025 (its symbol is the document's file name) is a
    # Security Council document of 6 December 2017 titled "Small arms and light weapons: Report
    # of the Secretary-General"; the four earlier reports are reports of the Secretary-General
    # to the Security Council, whose titles and dates the document does not give.
    reports = [{
        "symbol": "S/2017/1025",
        "title": "Small arms and light weapons: Report of the Secretary-General",
        "date": "2017-12-06",
        "organ": "Security Council",
        "source": documents.cite(
            SG, "Security Council", "6 December 2017", "Small arms and light weapons", "Report of the Secretary-General",
            place="cover page (the symbol is in the document's file name)",
        ),
    }]
    for symbol in EARLIER_REPORTS:
        reports.append({
            "symbol": symbol,
            "organ": "Security Council",
            "source": documents.cite(SG, EARLIER_REPORTS_WORDING, symbol, place="introduction, paragraph 3"),
        })
    return reports


def extract(documents: SeedDocuments) -> dict:
    rows = parse_annex(documents[SG].text)
    clusters: dict[str, dict] = {}
    tags: dict[str, dict] = {}
    recommendations = []
    for position, row in enumerate(rows, start=1):
        if row.cluster not in clusters:
            clusters[row.cluster] = {
                "name": row.cluster, "position": len(clusters) + 1,
                "source": documents.cite_lines(SG, row.cluster_line, row.cluster_line, place="annex I, thematic heading"),
            }
        actions = []
        for action_position, action in enumerate(row.actions, start=1):
            source = documents.cite_lines(SG, action.line, action.last_line, place=f"annex I, {row.references[0]}")
            found = find_tags(action.text)
            for code, kind, name in found:
                tags.setdefault(code, {"code": code, "kind": kind, "name": name, "source": source})
            actions.append({
                "position": action_position,
                "addressee": action.addressee,
                "text": action.text,
                "implementing_entities": find_entity_mentions(action.text),
                "organisations": find_organisation_mentions(action.text),
                "tags": [code for code, _kind, _name in found],
                "source": source,
            })
        recommendations.append({
            "position": position,
            "cluster": row.cluster,
            "references": [
                {
                    "report": reference.report, "number": reference.number,
                    "source": documents.cite_lines(SG, row.line, row.line, place="annex I, column “Reference”"),
                }
                for reference in row.references
            ],
            "text": row.text,
            "re_examined_in": "S/2017/1025",
            "actions": actions,
            "source": documents.cite_lines(SG, row.line, row.last_line, place=f"annex I, {row.references[0]}"),
        })
    return {
        "reports": _reports(documents),
        "clusters": list(clusters.values()),
        "tags": list(tags.values()),
        "recommendations": recommendations,
    }
