"""What the five documents say about the registry, as curated facts for the extractor.

Each UN entity, organisation and addressee group below is named in the documents listed with
it; `extract.py` finds each one's wording there (its acronym, name or one of its other names,
whichever comes first), fails if it is missing, and writes where it is into
`data/seed/entities.json`. The loader reads only that file. Facts the documents do not give
(the Member States, the treaty's dates, renames and closures, entities the documents do not
name) are in `data/reference/` with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import EntityKind as K
from ..models import OrganisationKind
from .documents import A4P, APMBC, CASA, MASG, SG


@dataclass(frozen=True)
class OtherName:
    """Another name a document uses for an entity, and the wording to find it by there
    (the name itself, or the name with the words around it, or its parts where a page break
    cuts it in two)."""

    name: str
    document: str
    wording: tuple[str, ...] = ()

    @property
    def quote(self) -> tuple[str, ...]:
        return self.wording or (self.name,)


@dataclass(frozen=True)
class EntityFact:
    acronym: str
    name: str
    kind: str
    named_in: tuple[str, ...]
    parent: str | None = None
    other_names: tuple[OtherName, ...] = ()


# Parents come before their children; the names, kinds and parents are the UN's own
# (docs/entities.md, "Facts taken from outside the seed documents").
ENTITIES: list[EntityFact] = [
    # Principal organs and their subsidiary bodies.
    EntityFact(
        "UNSC", "Security Council", K.PRINCIPAL_ORGAN, (SG, A4P, CASA),
        other_names=(OtherName("Council", A4P, ("adoption of Council resolution",)),),
    ),
    EntityFact("UNGA", "General Assembly", K.PRINCIPAL_ORGAN, (SG, A4P)),
    EntityFact("Secretariat", "United Nations Secretariat", K.PRINCIPAL_ORGAN, (SG, A4P)),
    EntityFact("PBC", "Peacebuilding Commission", K.PRINCIPAL_ORGAN, (CASA,)),
    EntityFact("HRC", "Human Rights Council", K.PRINCIPAL_ORGAN, (SG,), parent="UNGA"),
    EntityFact("UNDC", "Disarmament Commission", K.PRINCIPAL_ORGAN, (SG,), parent="UNGA"),
    EntityFact(
        "C-34", "Special Committee on Peacekeeping Operations", K.PRINCIPAL_ORGAN, (A4P,), parent="UNGA",
        other_names=(
            OtherName("Special Committee on Peacekeeping", A4P, ("General Assembly’s Special Committee on Peacekeeping.",)),
        ),
    ),
    EntityFact("CTED", "Counter-Terrorism Committee Executive Directorate", K.PRINCIPAL_ORGAN, (CASA, MASG), parent="UNSC"),
    # The IED task force update names a "Sanction Committee" without saying which one; the
    # Council has several. One record stands for them, under the name the document uses.
    EntityFact(
        "Sanctions committees", "Security Council sanctions committees", K.PRINCIPAL_ORGAN, (MASG, SG), parent="UNSC",
        other_names=(OtherName("Sanction Committee", MASG),),
    ),
    EntityFact("Panel of Experts on Yemen", "Panel of Experts on Yemen", K.PRINCIPAL_ORGAN, (SG,), parent="UNSC"),
    EntityFact("Panel of Experts on the Sudan", "Panel of Experts on the Sudan", K.PRINCIPAL_ORGAN, (SG,), parent="UNSC"),
    # Departments and offices of the Secretariat.
    EntityFact("DPO", "Department of Peace Operations", K.DEPARTMENT_OFFICE, (A4P,), parent="Secretariat"),
    EntityFact("DPPA", "Department of Political and Peacebuilding Affairs", K.DEPARTMENT_OFFICE, (MASG,), parent="Secretariat"),
    EntityFact("DPKO", "Department of Peacekeeping Operations", K.DEPARTMENT_OFFICE, (CASA, SG), parent="Secretariat"),
    EntityFact("DPA", "Department of Political Affairs", K.DEPARTMENT_OFFICE, (CASA, SG), parent="Secretariat"),
    EntityFact("DPI", "Department of Public Information", K.DEPARTMENT_OFFICE, (CASA,), parent="Secretariat"),
    EntityFact("DFS", "Department of Field Support", K.DEPARTMENT_OFFICE, (SG,), parent="Secretariat"),
    EntityFact(
        "SCAD", "Security Council Affairs Division", K.DEPARTMENT_OFFICE, (SG,), parent="DPPA",
        other_names=(OtherName("Security Council Affairs Division of the Department of Political Affairs", SG),),
    ),
    EntityFact("OMA", "Office of Military Affairs", K.DEPARTMENT_OFFICE, (MASG,), parent="DPO"),
    EntityFact(
        "UNMAS", "United Nations Mine Action Service", K.DEPARTMENT_OFFICE, (CASA, MASG, SG), parent="DPO",
        other_names=(
            OtherName("Mine Action Service", SG, ("the Mine Action Service",)),
            OtherName("Mine Action Service of the United Nations", SG),
        ),
    ),
    EntityFact(
        "UNODA", "United Nations Office for Disarmament Affairs", K.DEPARTMENT_OFFICE, (CASA, MASG, SG),
        parent="Secretariat",
        other_names=(OtherName("Office for Disarmament Affairs", SG, ("the Office for Disarmament Affairs",)),),
    ),
    EntityFact(
        "Regional Centres", "United Nations regional centres for peace and disarmament", K.DEPARTMENT_OFFICE, (SG,),
        parent="UNODA",
    ),
    EntityFact(
        "UNOCT", "United Nations Office of Counter-Terrorism", K.DEPARTMENT_OFFICE, (MASG, SG), parent="Secretariat",
        other_names=(OtherName("Office of Counter-Terrorism", SG, ("the Office of Counter-Terrorism",)),),
    ),
    EntityFact("DESA", "Department of Economic and Social Affairs", K.DEPARTMENT_OFFICE, (CASA,), parent="Secretariat"),
    EntityFact("OCHA", "Office for the Coordination of Humanitarian Affairs", K.DEPARTMENT_OFFICE, (CASA,), parent="Secretariat"),
    EntityFact(
        "OHCHR", "Office of the United Nations High Commissioner for Human Rights", K.DEPARTMENT_OFFICE, (CASA, SG),
        parent="Secretariat",
        other_names=(
            OtherName(
                "United Nations High Commissioner for Human Rights", SG,
                ("the United Nations High Commissioner for Human Rights",),
            ),
        ),
    ),
    EntityFact(
        "OSRSG/CAAC", "Office of the Special Representative of the Secretary-General for Children and Armed Conflict",
        K.DEPARTMENT_OFFICE, (CASA, SG), parent="Secretariat",
        # Annex I, S/2013/503 recommendation 4: the name runs across a page break.
        other_names=(
            OtherName(
                "Office of the Special Representative for Children and Armed Conflict", SG,
                ("Office of the Special Representative for", "Children and Armed Conflict"),
            ),
        ),
    ),
    EntityFact(
        "OSRSG-SVC", "Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict",
        K.DEPARTMENT_OFFICE, (SG,), parent="Secretariat",
        other_names=(OtherName("Office of the Special Representative on Sexual Violence in Conflict", SG),),
    ),
    EntityFact(
        "OSRSG-VAC", "Office of the Special Representative of the Secretary-General on Violence against Children",
        K.DEPARTMENT_OFFICE, (SG,), parent="Secretariat",
    ),
    EntityFact("OSAA", "Office of the Special Adviser on Africa", K.DEPARTMENT_OFFICE, (CASA,), parent="Secretariat"),
    EntityFact("UNDSS", "United Nations Department of Safety and Security", K.DEPARTMENT_OFFICE, (MASG,), parent="Secretariat"),
    EntityFact("UNODC", "United Nations Office on Drugs and Crime", K.DEPARTMENT_OFFICE, (CASA, MASG, SG)),
    # Funds, programmes, agencies, institutes.
    EntityFact("UNDP", "United Nations Development Programme", K.FUND_PROGRAMME, (CASA, MASG, SG)),
    EntityFact("UNEP", "United Nations Environment Programme", K.FUND_PROGRAMME, (CASA,)),
    EntityFact("UN-HABITAT", "United Nations Human Settlements Programme", K.FUND_PROGRAMME, (CASA,)),
    EntityFact("UNHCR", "Office of the United Nations High Commissioner for Refugees", K.FUND_PROGRAMME, (CASA,)),
    EntityFact("UNICEF", "United Nations Children's Fund", K.FUND_PROGRAMME, (CASA, MASG, SG)),
    EntityFact("UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women", K.FUND_PROGRAMME, (SG,)),
    EntityFact("UNIFEM", "United Nations Development Fund for Women", K.FUND_PROGRAMME, (CASA,)),
    EntityFact("ICAO", "International Civil Aviation Organization", K.AGENCY, (CASA,)),
    EntityFact("WHO", "World Health Organization", K.AGENCY, (CASA,)),
    EntityFact("World Bank", "World Bank", K.AGENCY, (SG,)),
    EntityFact("UNIDIR", "United Nations Institute for Disarmament Research", K.RESEARCH_TRAINING, (CASA, MASG, SG)),
    # Field missions: annex II of the SG report, its body and table, and the A4P briefing.
    EntityFact(
        "MINUSCA", "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        K.PEACE_OPERATION, (SG, A4P),
        other_names=(OtherName("United Nations Stabilization Mission in the Central African Republic", SG),),
    ),
    EntityFact(
        "MONUSCO", "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
        K.PEACE_OPERATION, (SG,),
        other_names=(OtherName("United Nations Stabilization Mission in the Democratic Republic of Congo", SG),),
    ),
    EntityFact("UNAMA", "United Nations Assistance Mission in Afghanistan", K.POLITICAL_MISSION, (SG,)),
    EntityFact(
        "UNAMID", "African Union-United Nations Hybrid Operation in Darfur", K.PEACE_OPERATION, (SG, A4P),
        other_names=(OtherName("United Nations-African Union Mission in Darfur", SG),),
    ),
    EntityFact("UNSMIL", "United Nations Support Mission in Libya", K.POLITICAL_MISSION, (SG,)),
    EntityFact("UNSOM", "United Nations Assistance Mission in Somalia", K.POLITICAL_MISSION, (SG,)),
    EntityFact("UNAMI", "United Nations Assistance Mission for Iraq", K.POLITICAL_MISSION, (SG,)),
    EntityFact("UNIFIL", "United Nations Interim Force in Lebanon", K.PEACE_OPERATION, (SG, A4P)),
    EntityFact("UNOCI", "United Nations Operation in Côte d'Ivoire", K.PEACE_OPERATION, (SG,)),
    EntityFact("UNMIL", "United Nations Mission in Liberia", K.PEACE_OPERATION, (SG,)),
    EntityFact("MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali", K.PEACE_OPERATION, (SG, A4P)),
    EntityFact("UNISFA", "United Nations Interim Security Force for Abyei", K.PEACE_OPERATION, (SG,)),
    EntityFact("MINUSTAH", "United Nations Stabilization Mission in Haiti", K.PEACE_OPERATION, (SG,)),
]

# The 21 participants of CASA as listed in footnote 1 of the 2009 project proposal.
CASA_PARTICIPANTS = (
    "CTED", "DESA", "DPA", "DPKO", "DPI", "ICAO", "OCHA", "OHCHR", "OSRSG/CAAC", "OSAA", "UNDP",
    "UNEP", "UN-HABITAT", "UNHCR", "UNICEF", "UNIDIR", "UNMAS", "UNIFEM", "UNODA", "UNODC", "WHO",
)
# Named as participants of the first Director-level meeting of the IED task force (MASG 2020),
# plus UNMAS, which convened it.
IED_TASK_FORCE_PARTICIPANTS = (
    "UNMAS", "DPPA", "CTED", "OMA", "Sanctions committees", "UNDP", "UNDSS", "UNICEF", "UNIDIR", "UNOCT", "UNODC",
)
# The Committee on the Enhancement of Cooperation and Assistance (apmbc document).
COMMITTEE_MEMBER_STATES = ("MX", "NL", "CH", "UG")


@dataclass(frozen=True)
class OrganisationFact:
    name: str
    acronym: str
    kind: str
    named_in: tuple[str, ...]
    wording: str | None = None  # when the document uses neither the name nor the acronym


ORGANISATIONS = [
    OrganisationFact("African Union", "AU", OrganisationKind.REGIONAL, (A4P,)),
    OrganisationFact("Association of Southeast Asian Nations", "ASEAN", OrganisationKind.REGIONAL, (A4P,)),
    OrganisationFact("International Criminal Police Organization", "INTERPOL", OrganisationKind.INTERGOVERNMENTAL, (SG,)),
    OrganisationFact("Small Arms Survey", "", OrganisationKind.RESEARCH, (SG,)),
    # The donor forum whose open session the IED task force update was given at.
    OrganisationFact("Mine Action Support Group", "MASG", OrganisationKind.OTHER, (MASG,)),
    # The apmbc document's "AP Mine Ban Convention ISU" serves the States Parties of a treaty;
    # it is not part of the UN system, so it is an organisation, not an Entity.
    OrganisationFact(
        "Anti-Personnel Mine Ban Convention Implementation Support Unit", "ISU", OrganisationKind.OTHER, (APMBC,),
        wording="AP Mine Ban Convention ISU",
    ),
]

# The addressees of annex I (its "Entity" column): slug, name, entity acronym, and the first
# recommendation of the table that addresses them.
ADDRESSEE_GROUPS = [
    ("security-council", "Security Council", "UNSC", "S/2015/289, recommendation 1"),
    ("all-member-states", "All Member States", None, "S/2008/258, recommendation 11"),
    ("un-system", "United Nations system and other relevant entities", None, "S/2013/503, recommendation 2"),
]

APMBC_NAME = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction"
)
ARTICLE_7 = {
    "treaty": "APMBC",
    "code": "article-7",
    "name": "Article 7 transparency report",
    "article": "7",
    "annual_due_month": 4,
    "annual_due_day": 30,
}
ARTICLE_7_WORDING = "article 7 report submission deadline (30 April of each year)"
