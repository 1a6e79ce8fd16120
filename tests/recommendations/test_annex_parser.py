"""The annex I reader, on fragments of the real document and on the whole of it."""

from collections import Counter
from pathlib import Path

import pytest

from recommendations.annex import (
    AnnexFormatError,
    find_entity_mentions,
    find_organisation_mentions,
    find_tags,
    parse_annex,
)
from recommendations.annex.parser import split_action_blocks

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
DOCUMENT = SEEDS / "sg-report-2017-small-arms-S-2017-1025.txt"

HEADER = (
    "Reference\tRecommendation\t\tSuggested actions for States/actions identified for the United Nations "
    "system and other relevant entities\t\n\tText of recommendation\tEntity\tAction\t\n"
)
PAGE_BREAK = (
    "\n<i>Recommendation</i>\t\t<i>Suggested actions for States/actions identified for the United Nations "
    "system and other relevant entities</i>\t\n<i>Reference</i>\t<i>Text of recommendation</i>\t<i>Entity</i>\t<i>Action</i>\n"
)
END = "\nAbbreviations: INTERPOL, International Criminal Police Organization.\n"
UL = '<ul style="list-style-type: none">'


def annex(*lines: str) -> str:
    return HEADER + "\n".join(lines) + END


def test_a_row_can_cite_several_references():
    rows = parse_annex(annex(
        "Weapons and ammunition management\t\t\t\t",
        f"S/2015/289, recommendation 8; S/2013/503, recommendation 3\tThe Security Council should consider.\tSecurity Council\t{UL} • May wish to request a report. • Could consider supporting measures. \t",
    ))
    assert [str(r) for r in rows[0].references] == ["S/2015/289, recommendation 8", "S/2013/503, recommendation 3"]
    assert rows[0].cluster == "Weapons and ammunition management"
    assert [a.text for a in rows[0].actions] == ["May wish to request a report.", "Could consider supporting measures."]


def test_a_reference_with_a_space_before_the_comma_is_read():
    rows = parse_annex(annex("Peacekeeping\t\t\t", "S/2008/258 , recommendation 9\tDestruction.\tSecurity Council\tMay wish to request a review."))
    assert str(rows[0].references[0]) == "S/2008/258, recommendation 9"
    assert [a.text for a in rows[0].actions] == ["May wish to request a review."]


def test_sub_bullets_stay_with_their_bullet():
    rows = parse_annex(annex(
        "Weapons and ammunition management\t\t\t\t",
        f"S/2015/289, recommendation 1\tGiven the impact.\tSecurity Council\t{UL} • May wish to request an assessment of: {UL} ◦ The treatment of small arms ◦ The women and peace and security model. • Could consider requesting briefings. \t",
    ))
    first, second = rows[0].actions
    assert first.text == "May wish to request an assessment of:\n◦ The treatment of small arms\n◦ The women and peace and security model."
    assert second.text == "Could consider requesting briefings."


def test_a_paragraph_after_bullets_is_its_own_action():
    rows = parse_annex(annex(
        "Weapons and ammunition management\t\t\t\t",
        f"S/2008/258, recommendation 11\tEnd user certificates.\tSecurity Council\t{UL} • May wish to promote. • May encourage States. <p>May wish to consider supporting further research.</p>",
    ))
    assert [a.text for a in rows[0].actions] == [
        "May wish to promote.", "May encourage States.", "May wish to consider supporting further research.",
    ]


def test_a_second_addressee_row_belongs_to_the_same_recommendation():
    rows = parse_annex(annex(
        "Weapons and ammunition management\t\t\t\t",
        f"S/2011/255, recommendation 3\tMarkings.\tSecurity Council\t{UL} • Could call upon all States. • Could call upon States.",
        f"\t\tAll Member States\t{UL} • May consider providing resources. • May consider aligning.",
    ))
    assert len(rows) == 1
    assert Counter(a.addressee for a in rows[0].actions) == {"Security Council": 2, "All Member States": 2}


def test_page_break_header_rows_are_dropped_and_split_rows_continue():
    rows = parse_annex(annex(
        "Protection of civilians/gender\t\t\t",
        f"S/2013/503 , recommendation 4\tI encourage regular information exchange, including the Office of the Special Representative for\tSecurity Council\t{UL} • May wish to request the Secretariat to share information.",
        PAGE_BREAK,
        f"\tChildren and Armed Conflict. I also encourage the group.\t\t{UL} • May also request a cross-cutting briefing.",
    ))
    assert len(rows) == 1
    assert rows[0].text == (
        "I encourage regular information exchange, including the Office of the Special Representative for "
        "Children and Armed Conflict. I also encourage the group."
    )
    assert [a.addressee for a in rows[0].actions] == ["Security Council", "Security Council"]


def test_a_split_row_after_a_full_sentence_starts_a_new_paragraph():
    rows = parse_annex(annex(
        "Peacekeeping\t\t\t",
        "S/2015/289, recommendation 7\t<p>The Security Council should ensure.</p> <p>This includes training.</p>\tAll Member States\tMay consider use of guidance.",
        PAGE_BREAK,
        f"\tMember States should consider assistance.\t\t{UL} • May consider harmonizing information.",
    ))
    assert rows[0].paragraphs == [
        "The Security Council should ensure.", "This includes training.", "Member States should consider assistance.",
    ]
    assert [a.text for a in rows[0].actions] == ["May consider use of guidance.", "May consider harmonizing information."]


def test_two_addressees_in_one_cell_are_paired_with_the_blocks_of_the_action_cell():
    rows = parse_annex(annex(
        "Weapons and ammunition management\t\t\t\t",
        "S/2013/503, recommendation 11\tThe Security Council is encouraged.\t<p>Security Council</p> <p>United Nations system and other relevant entities</p>\t"
        f"<p>May consider consulting with UNDP.</p> {UL} • Standards should be integrated. • UNICEF and UNDP should continue.",
    ))
    assert [(a.addressee, a.text) for a in rows[0].actions] == [
        ("Security Council", "May consider consulting with UNDP."),
        ("United Nations system and other relevant entities", "Standards should be integrated."),
        ("United Nations system and other relevant entities", "UNICEF and UNDP should continue."),
    ]


def test_addressees_that_do_not_pair_with_action_blocks_are_an_error_not_a_guess():
    with pytest.raises(AnnexFormatError, match="cannot pair"):
        parse_annex(annex(
            "Weapons and ammunition management\t\t\t\t",
            "S/2013/503, recommendation 11\tText.\t<p>Security Council</p> <p>All Member States</p>\tOne action only.",
        ))


def test_an_unreadable_reference_is_an_error_naming_the_line():
    with pytest.raises(AnnexFormatError, match="line"):
        parse_annex(annex("Peacekeeping\t\t\t", "S/2015/289; recommendation seven\tText.\tSecurity Council\tAction."))


def test_action_blocks_split_paragraphs_and_bullets():
    blocks = split_action_blocks(f"<p>One.</p> {UL} • Two. • Three.")
    assert [(b.kind, b.items) for b in blocks] == [("paragraph", ["One."]), ("bullets", ["Two.", "Three."])]


def test_entities_and_organisations_named_in_an_action_are_found():
    text = (
        "Could consider requesting relevant United Nations entities, such as the Department of Peacekeeping "
        "Operations, the Mine Action Service, the Office for Disarmament Affairs, the Office of Counter-Terrorism, "
        "UN-Women and UNODC, to participate. Could encourage cooperation with INTERPOL."
    )
    assert find_entity_mentions(text) == [
        "Department of Peacekeeping Operations", "Mine Action Service", "Office for Disarmament Affairs",
        "Office of Counter-Terrorism", "UN-Women", "UNODC",
    ]
    assert find_organisation_mentions(text) == ["INTERPOL"]


def test_module_numbers_are_attached_to_the_standard_they_belong_to():
    text = (
        "May consider use of existing guidance on destruction activities, including the International Small Arms "
        "Control Standards (module 05.50) and the International Ammunition Technical Guidelines (module 10.10)."
    )
    assert [code for code, _, _ in find_tags(text)] == ["ISACS", "IATG", "ISACS 05.50", "IATG 10.10"]
    assert [c for c, _, _ in find_tags("in accordance with module 12.10 of the International Ammunition Technical Guidelines")] == ["IATG", "IATG 12.10"]
    assert [c for c, _, _ in find_tags("data reported with regard to Sustainable Development Goal indicator 16.4.2")] == ["SDG 16.4.2"]


# Counts verified by reading annex I of S/2017/1025 row by row (see docs/recommendations.md).
EXPECTED_ROWS = [
    # (references, cluster, {addressee: number of actions})
    ("S/2015/289 1", "Weapons and ammunition management", {"SC": 2}),
    ("S/2015/289 8; S/2013/503 3", "Weapons and ammunition management", {"SC": 2}),
    ("S/2011/255 1", "Weapons and ammunition management", {"SC": 2}),
    ("S/2008/258 11", "Weapons and ammunition management", {"SC": 4, "AMS": 2}),
    ("S/2013/503 2", "Weapons and ammunition management", {"UN": 3}),
    ("S/2013/503 11", "Weapons and ammunition management", {"SC": 1, "UN": 4}),
    ("S/2011/255 3", "Weapons and ammunition management", {"SC": 2, "AMS": 2}),
    ("S/2015/289 7", "Peacekeeping", {"SC": 3, "AMS": 3}),
    ("S/2008/258 9", "Peacekeeping", {"SC": 1, "UN": 1}),
    ("S/2011/255 2", "Peacekeeping", {"AMS": 1}),
    ("S/2015/289 9", "Arms embargoes", {"SC": 2}),
    ("S/2008/258 5", "Arms embargoes", {"SC": 1}),
    ("S/2013/503 9", "Arms embargoes", {"SC": 1}),
    ("S/2015/289 6", "Community safety and law enforcement", {"SC": 2}),
    ("S/2013/503 4", "Protection of civilians/gender", {"SC": 2}),
    ("S/2011/255 5", "Armed violence", {"SC": 2}),
    ("S/2011/255 6", "Armed violence", {"SC": 1}),
    ("S/2015/289 3", "Armed violence", {"SC": 1}),
]
SHORT = {
    "Security Council": "SC", "All Member States": "AMS",
    "United Nations system and other relevant entities": "UN",
}


@pytest.mark.skipif(not DOCUMENT.exists(), reason="seed documents not present")
def test_the_real_annex_is_read_completely():
    rows = parse_annex(DOCUMENT.read_text(encoding="utf-8"))
    found = [
        (
            "; ".join(f"{r.report} {r.number}" for r in row.references),
            row.cluster,
            dict(Counter(SHORT[a.addressee] for a in row.actions)),
        )
        for row in rows
    ]
    assert found == EXPECTED_ROWS
    assert len(rows) == 18
    assert sum(len(row.references) for row in rows) == 19
    assert Counter(SHORT[a.addressee] for row in rows for a in row.actions) == {"SC": 29, "AMS": 8, "UN": 8}


@pytest.mark.skipif(not DOCUMENT.exists(), reason="seed documents not present")
def test_the_real_annex_carries_no_layout_noise():
    rows = parse_annex(DOCUMENT.read_text(encoding="utf-8"))
    texts = [row.text for row in rows] + [a.text for row in rows for a in row.actions]
    for text in texts:
        assert text.strip()
        for noise in ("<", ">", "•", "\t", "Text of recommendation"):
            assert noise not in text
    assert rows[14].text.endswith(
        "in particular women and children, in situations created or exacerbated by illicit arms flows."
    )
    assert "Office of the Special Representative for Children and Armed Conflict" in rows[14].text
