"""Real seed data of the registry, taken from the five seed documents.

Loads every UN entity, field mission and organisation the documents name, the renames they
imply (DPKO -> DPO...), the other names the documents use for an entity, all 193 UN Member
States (from country_converter), the three addressee groups of annex I and the Anti-Personnel
Mine Ban Convention with its article 7 reporting obligation. States Parties are NOT loaded:
the documents do not list them (see entities/demo.py and the CSV import).

Idempotent: a record is only saved when a value differs, so a second run writes nothing
(and adds no history rows). docs/entities.md lists which facts come from outside the seeds.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field


from .loading import Counter, upsert
from .loading import seeds_dir as find_seeds_dir
from .models import (
    AddresseeGroup,
    Entity,
    EntityKind,
    EntityName,
    Organisation,
    OrganisationKind,
    ReportingObligation,
    State,
    Treaty,
)

K = EntityKind
SEED_FILES = {
    "a4p": "a4p-2020-security-council-briefing.txt",
    "apmbc": "apmbc-15msp-2016-cooperation-assistance-committee.txt",
    "casa": "casa-2009-project-proposal.txt",
    "masg": "masg-2020-ied-task-force-update.txt",
    "sg": "sg-report-2017-small-arms-S-2017-1025.txt",
}


@dataclass(frozen=True)
class EntitySeed:
    acronym: str
    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    active: bool = True
    became: str | None = None  # acronym of the successor
    became_on: dt.date | None = None
    sources: tuple[str, ...] = field(default=())


RENAMED_2019 = dt.date(2019, 1, 1)
UN_WOMEN_OPERATIONAL = dt.date(2011, 1, 1)

# Order matters only for parents and successors: they come first.
ENTITIES: list[EntitySeed] = [
    # Principal organs and their subsidiary bodies.
    EntitySeed("UNSC", "Security Council", K.PRINCIPAL_ORGAN, aliases=("Council",), sources=("sg", "a4p", "casa")),
    EntitySeed("UNGA", "General Assembly", K.PRINCIPAL_ORGAN, sources=("sg", "a4p")),
    EntitySeed("Secretariat", "United Nations Secretariat", K.PRINCIPAL_ORGAN, sources=("sg", "a4p")),
    EntitySeed("PBC", "Peacebuilding Commission", K.PRINCIPAL_ORGAN, sources=("casa",)),
    EntitySeed("HRC", "Human Rights Council", K.PRINCIPAL_ORGAN, parent="UNGA", sources=("sg",)),
    EntitySeed("UNDC", "Disarmament Commission", K.PRINCIPAL_ORGAN, parent="UNGA", sources=("sg",)),
    EntitySeed(
        "C-34", "Special Committee on Peacekeeping Operations", K.PRINCIPAL_ORGAN, parent="UNGA",
        aliases=("Special Committee on Peacekeeping",), sources=("a4p",),
    ),
    EntitySeed(
        "CTED", "Counter-Terrorism Committee Executive Directorate", K.PRINCIPAL_ORGAN, parent="UNSC",
        sources=("casa", "masg"),
    ),
    # The IED task force update names a "Sanction Committee" without saying which one; the
    # Council has several. One record stands for them, under the name the document uses.
    EntitySeed(
        "Sanctions committees", "Security Council sanctions committees", K.PRINCIPAL_ORGAN, parent="UNSC",
        aliases=("Sanction Committee",), sources=("masg", "sg"),
    ),
    EntitySeed("Panel of Experts on Yemen", "Panel of Experts on Yemen", K.PRINCIPAL_ORGAN, parent="UNSC", sources=("sg",)),
    EntitySeed("Panel of Experts on the Sudan", "Panel of Experts on the Sudan", K.PRINCIPAL_ORGAN, parent="UNSC", sources=("sg",)),
    # Departments and offices of the Secretariat; today's names first, so renames can point at them.
    EntitySeed("DPO", "Department of Peace Operations", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("a4p",)),
    EntitySeed("DPPA", "Department of Political and Peacebuilding Affairs", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("masg",)),
    EntitySeed("DGC", "Department of Global Communications", K.DEPARTMENT_OFFICE, parent="Secretariat"),
    EntitySeed("DOS", "Department of Operational Support", K.DEPARTMENT_OFFICE, parent="Secretariat"),
    EntitySeed(
        "DPKO", "Department of Peacekeeping Operations", K.DEPARTMENT_OFFICE, parent="Secretariat",
        active=False, became="DPO", became_on=RENAMED_2019, sources=("casa", "sg"),
    ),
    EntitySeed(
        "DPA", "Department of Political Affairs", K.DEPARTMENT_OFFICE, parent="Secretariat",
        active=False, became="DPPA", became_on=RENAMED_2019, sources=("casa", "sg"),
    ),
    EntitySeed(
        "DPI", "Department of Public Information", K.DEPARTMENT_OFFICE, parent="Secretariat",
        active=False, became="DGC", became_on=RENAMED_2019, sources=("casa",),
    ),
    EntitySeed(
        "DFS", "Department of Field Support", K.DEPARTMENT_OFFICE, parent="Secretariat",
        active=False, became="DOS", became_on=RENAMED_2019, sources=("sg",),
    ),
    EntitySeed(
        "SCAD", "Security Council Affairs Division", K.DEPARTMENT_OFFICE, parent="DPPA",
        aliases=("Security Council Affairs Division of the Department of Political Affairs",), sources=("sg",),
    ),
    EntitySeed("OMA", "Office of Military Affairs", K.DEPARTMENT_OFFICE, parent="DPO", sources=("masg",)),
    EntitySeed(
        "UNMAS", "United Nations Mine Action Service", K.DEPARTMENT_OFFICE, parent="DPO",
        aliases=("Mine Action Service", "Mine Action Service of the United Nations"),
        sources=("casa", "masg", "sg"),
    ),
    EntitySeed(
        "UNODA", "United Nations Office for Disarmament Affairs", K.DEPARTMENT_OFFICE, parent="Secretariat",
        aliases=("Office for Disarmament Affairs",), sources=("casa", "masg", "sg"),
    ),
    EntitySeed(
        "Regional Centres", "United Nations regional centres for peace and disarmament", K.DEPARTMENT_OFFICE,
        parent="UNODA", sources=("sg",),
    ),
    EntitySeed(
        "UNOCT", "United Nations Office of Counter-Terrorism", K.DEPARTMENT_OFFICE, parent="Secretariat",
        aliases=("Office of Counter-Terrorism",), sources=("masg", "sg"),
    ),
    EntitySeed("DESA", "Department of Economic and Social Affairs", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("casa",)),
    EntitySeed("OCHA", "Office for the Coordination of Humanitarian Affairs", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("casa",)),
    EntitySeed(
        "OHCHR", "Office of the United Nations High Commissioner for Human Rights", K.DEPARTMENT_OFFICE,
        parent="Secretariat", aliases=("United Nations High Commissioner for Human Rights",), sources=("casa", "sg"),
    ),
    EntitySeed(
        "OSRSG/CAAC", "Office of the Special Representative of the Secretary-General for Children and Armed Conflict",
        K.DEPARTMENT_OFFICE, parent="Secretariat",
        aliases=("Office of the Special Representative for Children and Armed Conflict",), sources=("casa", "sg"),
    ),
    EntitySeed(
        "OSRSG-SVC", "Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict",
        K.DEPARTMENT_OFFICE, parent="Secretariat",
        aliases=("Office of the Special Representative on Sexual Violence in Conflict",), sources=("sg",),
    ),
    EntitySeed(
        "OSRSG-VAC", "Office of the Special Representative of the Secretary-General on Violence against Children",
        K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("sg",),
    ),
    EntitySeed("OSAA", "Office of the Special Adviser on Africa", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("casa",)),
    EntitySeed("UNDSS", "United Nations Department of Safety and Security", K.DEPARTMENT_OFFICE, parent="Secretariat", sources=("masg",)),
    EntitySeed("UNODC", "United Nations Office on Drugs and Crime", K.DEPARTMENT_OFFICE, sources=("casa", "masg", "sg")),
    # Funds, programmes, agencies, institutes.
    EntitySeed("UNDP", "United Nations Development Programme", K.FUND_PROGRAMME, sources=("casa", "masg", "sg")),
    EntitySeed("UNEP", "United Nations Environment Programme", K.FUND_PROGRAMME, sources=("casa",)),
    EntitySeed("UN-HABITAT", "United Nations Human Settlements Programme", K.FUND_PROGRAMME, sources=("casa",)),
    EntitySeed("UNHCR", "Office of the United Nations High Commissioner for Refugees", K.FUND_PROGRAMME, sources=("casa",)),
    EntitySeed("UNICEF", "United Nations Children's Fund", K.FUND_PROGRAMME, sources=("casa", "masg", "sg")),
    EntitySeed(
        "UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women", K.FUND_PROGRAMME,
        sources=("sg",),
    ),
    EntitySeed(
        "UNIFEM", "United Nations Development Fund for Women", K.FUND_PROGRAMME,
        active=False, became="UN-Women", became_on=UN_WOMEN_OPERATIONAL, sources=("casa",),
    ),
    EntitySeed("ICAO", "International Civil Aviation Organization", K.AGENCY, sources=("casa",)),
    EntitySeed("WHO", "World Health Organization", K.AGENCY, sources=("casa",)),
    EntitySeed("World Bank", "World Bank", K.AGENCY, sources=("sg",)),
    EntitySeed("UNIDIR", "United Nations Institute for Disarmament Research", K.RESEARCH_TRAINING, sources=("casa", "masg", "sg")),
    # Field missions: annex II of the SG report, its body and table, and the A4P briefing.
    EntitySeed(
        "MINUSCA", "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        K.PEACE_OPERATION, aliases=("United Nations Stabilization Mission in the Central African Republic",),
        sources=("sg", "a4p"),
    ),
    EntitySeed(
        "MONUSCO", "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
        K.PEACE_OPERATION, aliases=("United Nations Stabilization Mission in the Democratic Republic of Congo",),
        sources=("sg",),
    ),
    EntitySeed("UNAMA", "United Nations Assistance Mission in Afghanistan", K.POLITICAL_MISSION, sources=("sg",)),
    EntitySeed(
        "UNAMID", "African Union-United Nations Hybrid Operation in Darfur", K.PEACE_OPERATION, active=False,
        aliases=("United Nations-African Union Mission in Darfur",), sources=("sg", "a4p"),
    ),
    EntitySeed("UNSMIL", "United Nations Support Mission in Libya", K.POLITICAL_MISSION, sources=("sg",)),
    EntitySeed("UNSOM", "United Nations Assistance Mission in Somalia", K.POLITICAL_MISSION, sources=("sg",)),
    EntitySeed("UNAMI", "United Nations Assistance Mission for Iraq", K.POLITICAL_MISSION, sources=("sg",)),
    EntitySeed("UNIFIL", "United Nations Interim Force in Lebanon", K.PEACE_OPERATION, sources=("sg", "a4p")),
    EntitySeed("UNOCI", "United Nations Operation in Côte d'Ivoire", K.PEACE_OPERATION, active=False, sources=("sg",)),
    EntitySeed("UNMIL", "United Nations Mission in Liberia", K.PEACE_OPERATION, active=False, sources=("sg",)),
    EntitySeed(
        "MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali", K.PEACE_OPERATION,
        active=False, sources=("sg", "a4p"),
    ),
    EntitySeed("UNISFA", "United Nations Interim Security Force for Abyei", K.PEACE_OPERATION, sources=("sg",)),
    EntitySeed("MINUSTAH", "United Nations Stabilization Mission in Haiti", K.PEACE_OPERATION, active=False, sources=("sg",)),
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

ORGANISATIONS = [
    # (name, acronym, kind)
    ("African Union", "AU", OrganisationKind.REGIONAL),
    ("Association of Southeast Asian Nations", "ASEAN", OrganisationKind.REGIONAL),
    ("International Criminal Police Organization", "INTERPOL", OrganisationKind.INTERGOVERNMENTAL),
    ("Small Arms Survey", "", OrganisationKind.RESEARCH),
    # The donor forum whose open session the IED task force update was given at (masg seed).
    ("Mine Action Support Group", "MASG", OrganisationKind.OTHER),
    # The apmbc document's "AP Mine Ban Convention ISU" serves the States Parties of a treaty; it
    # is not part of the UN system, so it is an organisation, not an Entity.
    ("Anti-Personnel Mine Ban Convention Implementation Support Unit", "ISU", OrganisationKind.OTHER),
]

ADDRESSEE_GROUPS = [
    # (slug, name, entity acronym)
    ("security-council", "Security Council", "UNSC"),
    ("all-member-states", "All Member States", None),
    ("un-system", "United Nations system and other relevant entities", None),
]

APMBC_NAME = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on Their Destruction"
)

# country_converter's UNregion is the M49 subregion; M49 groups subregions into five regions.
M49_REGION = {
    "Africa": {"Eastern Africa", "Middle Africa", "Northern Africa", "Southern Africa", "Western Africa"},
    "Americas": {"Caribbean", "Central America", "South America", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
}
REGIONS = tuple(M49_REGION)
# The Committee on the Enhancement of Cooperation and Assistance (apmbc seed).
COMMITTEE_MEMBER_STATES = ("MX", "NL", "CH", "UG")


@functools.cache
def member_state_rows() -> tuple[dict, ...]:
    """The 193 UN Member States: ISO code, admission year, M49 region and subregion."""
    import country_converter as coco
    from django_countries import countries

    data = coco.CountryConverter().data
    members = data[data["UNmember"].notna()]
    subregion_to_region = {sub: region for region, subs in M49_REGION.items() for sub in subs}
    return tuple(
        {
            # ISO3 is a plain code in every row; ISO2 is sometimes a pattern ("^GB$|^UK$").
            "code": countries.alpha2(row.ISO3),
            "un_member_since": int(row.UNmember),
            "subregion": row.UNregion,
            "region": subregion_to_region[row.UNregion],
        }
        for row in members.itertuples()
    )


def load_entities(counter: Counter) -> dict[str, Entity]:
    by_acronym: dict[str, Entity] = {}
    for seed in ENTITIES:
        by_acronym[seed.acronym] = upsert(
            Entity, counter, {"acronym": seed.acronym},
            {
                "name": seed.name,
                "kind": seed.kind,
                "is_active": seed.active,
                "parent": by_acronym[seed.parent] if seed.parent else None,
                "successor": by_acronym[seed.became] if seed.became else None,
                "succeeded_on": seed.became_on,
            },
        )
    for seed in ENTITIES:
        for alias in seed.aliases:
            upsert(EntityName, counter, {"name": alias}, {"entity": by_acronym[seed.acronym]})
    return by_acronym


def load_states(counter: Counter) -> None:
    for row in member_state_rows():
        facts = {key: value for key, value in row.items() if key != "code"}
        upsert(State, counter, {"code": row["code"]}, {"is_un_member": True, **facts})


def load_treaty(counter: Counter) -> Treaty:
    treaty = upsert(
        Treaty, counter, {"short_name": "APMBC"},
        {"name": APMBC_NAME, "adopted_on": dt.date(1997, 9, 18), "entry_into_force": dt.date(1999, 3, 1)},
    )
    upsert(
        ReportingObligation, counter, {"treaty": treaty, "code": "article-7"},
        {
            "name": "Article 7 transparency report",
            "article": "7",
            "initial_report_days": 180,
            "annual_due_month": 4,
            "annual_due_day": 30,
        },
    )
    return treaty


def load(*, stdout, seeds_dir=None, **options) -> None:
    folder = find_seeds_dir(seeds_dir)
    missing = [name for name in SEED_FILES.values() if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"Seed documents missing in {folder}: {', '.join(missing)}")

    counter = Counter()
    entities = load_entities(counter)
    stdout.write(f"entities: {len(ENTITIES)} UN entities and their other names ({counter})\n")

    counter = Counter()
    for name, acronym, kind in ORGANISATIONS:
        upsert(Organisation, counter, {"name": name}, {"acronym": acronym, "kind": kind})
    for slug, name, acronym in ADDRESSEE_GROUPS:
        upsert(AddresseeGroup, counter, {"slug": slug}, {"name": name, "entity": entities.get(acronym)})
    stdout.write(f"entities: {len(ORGANISATIONS)} organisations, {len(ADDRESSEE_GROUPS)} addressee groups ({counter})\n")

    counter = Counter()
    load_states(counter)
    stdout.write(f"entities: {State.objects.filter(is_un_member=True).count()} UN Member States ({counter})\n")

    counter = Counter()
    load_treaty(counter)
    stdout.write(
        f"entities: the APMBC and its article 7 reporting obligation ({counter}); "
        "States Parties are not in the seed documents and are not loaded\n"
    )
