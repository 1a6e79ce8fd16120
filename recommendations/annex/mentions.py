"""What an action's text names: UN entities, other organisations, standards and goals.

The vocabulary is explicit: each phrase below appears in annex I and is resolved against the
registry (entities.Entity by acronym, by one of its other names or by full name;
entities.Organisation by acronym or name). The seed loader fails, naming the phrase, when a
phrase found in the text cannot be resolved, so that a link is never dropped silently.

Phrases deliberately not linked (they do not name one UN entity): "relevant United Nations
entities", "United Nations police", "peacekeeping operations", "groups and panels of experts".
"""

import re

# phrase as written in the annex -> the name looked up in the registry
ENTITY_MENTIONS: dict[str, str] = {
    "Department of Peacekeeping Operations": "Department of Peacekeeping Operations",
    "Department of Political Affairs": "Department of Political Affairs",
    "Department of Field Support": "Department of Field Support",
    "Mine Action Service": "Mine Action Service",
    "Office for Disarmament Affairs": "Office for Disarmament Affairs",
    "Office of Counter-Terrorism": "Office of Counter-Terrorism",
    "UN-Women": "UN-Women",
    "UNODC": "UNODC",
    "UNIDIR": "UNIDIR",
    "UNICEF": "UNICEF",
    "UNDP": "UNDP",
    "OHCHR": "OHCHR",
    "United Nations regional centres for peace and disarmament": "United Nations regional centres for peace and disarmament",
    "the Secretariat": "Secretariat",
}

ORGANISATION_MENTIONS: dict[str, str] = {
    "INTERPOL": "INTERPOL",
}

ISACS_NAME = "International Small Arms Control Standards"
IATG_NAME = "International Ammunition Technical Guidelines"

_MODULE = re.compile(r"modules? (\d{2}\.\d{2})")
_SDG_INDICATOR = re.compile(r"indicator (16\.\d+\.\d+)")
_SDG_TARGET = re.compile(r"target (16\.\d+)\b(?!\.\d)")


def _find(text: str, vocabulary: dict[str, str]) -> list[str]:
    found = []
    for phrase, lookup in vocabulary.items():
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) and lookup not in found:
            found.append(lookup)
    return found


def find_entity_mentions(text: str) -> list[str]:
    return _find(text, ENTITY_MENTIONS)


def find_organisation_mentions(text: str) -> list[str]:
    return _find(text, ORGANISATION_MENTIONS)


def find_tags(text: str) -> list[tuple[str, str, str]]:
    """(code, kind, name) of each standard or goal the text cites, in a stable order.

    A module number is attached to the standard named right after it ("module 05.31 of the
    International Small Arms Control Standards") or right before it ("the International
    Ammunition Technical Guidelines (module 10.10)": a module in brackets belongs to the name
    before it).
    """
    tags: list[tuple[str, str, str]] = []

    def add(code: str, kind: str, name: str) -> None:
        if code not in [t[0] for t in tags]:
            tags.append((code, kind, name))

    if ISACS_NAME in text:
        add("ISACS", "isacs", ISACS_NAME)
    if IATG_NAME in text:
        add("IATG", "iatg", IATG_NAME)
    for match in _MODULE.finditer(text):
        after = text[match.end():match.end() + 60]
        before = text[max(0, match.start() - 70):match.start()]
        if before.endswith("("):
            standard = _nearest_standard(before, first=False)
        else:
            standard = _nearest_standard(after, first=True) or _nearest_standard(before, first=False)
        if standard is None:
            continue
        prefix, kind, name = standard
        add(f"{prefix} {match.group(1)}", kind, f"{name}, module {match.group(1)}")
    for match in _SDG_INDICATOR.finditer(text):
        add(f"SDG {match.group(1)}", "sdg", f"Sustainable Development Goal indicator {match.group(1)}")
    for match in _SDG_TARGET.finditer(text):
        add(f"SDG {match.group(1)}", "sdg", f"Sustainable Development Goal target {match.group(1)}")
    return tags


def _nearest_standard(window: str, *, first: bool):
    positions = []
    for prefix, kind, name in (("ISACS", "isacs", ISACS_NAME), ("IATG", "iatg", IATG_NAME)):
        index = window.find(name) if first else window.rfind(name)
        if index >= 0:
            positions.append((index, (prefix, kind, name)))
    if not positions:
        return None
    return min(positions)[1] if first else max(positions)[1]
