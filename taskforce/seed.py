"""Real data of the task forces, from the seed documents. Only what the documents say.

- CASA (casa-2009-project-proposal.txt): chaired by UNODA, created by the Secretary-General in
  1998, its 21 participants (footnote 1) and its five strategic objectives, verbatim.
- The UN Coordinating Task Force on a whole-of-UN Approach to IEDs (masg-2020-...): UNMAS lead,
  the mapping survey of about 30 entities and its findings, the first Director-level meeting
  ("late January" 2020: stored as January 2020 with MONTH precision and the wording in a note;
  15 entities attended, 10 are named: the 10 are stored, plus UNMAS, which convened it, and
  the count 15), the guidance and the three expected accomplishments, and the MASG Open
  Session update of 12 February 2020.
- The Committee on the Enhancement of Cooperation and Assistance (apmbc-15msp-2016-...):
  Mexico, Netherlands, Switzerland, Uganda; its mandate, objectives (a) to (c), the informal
  meeting of 1 December 2015 (margins of the 14MSP) and the follow-up of 20 May 2016 (margins
  of the Intersessional Meetings).
- Action for Peacekeeping (a4p-2020-...): launched in March 2018; the Declaration of Shared
  Commitments with its counts as of 14 September 2020 (154 Member States, 4 regional
  organizations; no names are given, none are invented), France as a named signatory (its
  own statement), and the Security Council briefing of that day with the States that spoke.

Runs after entities/seed.py; a UN entity, State or organisation it needs and cannot find
stops the load with a message naming it. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt


from entities.loading import Counter as Tally
from entities.loading import seeds_dir as find_seeds_dir
from entities.loading import upsert
from entities.models import Entity, EntityName, Organisation, State

from .models import (
    Declaration,
    Endorsement,
    EndorsementCount,
    EndorserKind,
    Mechanism,
    MechanismKind,
    Meeting,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    Membership,
    Objective,
    ObjectiveKind,
    ObjectiveStatus,
    Participant,
    ParticipantRole,
    PartyRole,
    Survey,
    SurveyFinding,
    SurveyStatus,
)
from .models.common import DatePrecision

CASA_SOURCE = "casa-2009-project-proposal.txt — Project: The UN Coordinating Action on Small Arms (CASA mechanism), 2009"
MASG_SOURCE = "masg-2020-ied-task-force-update.txt — Mine Action Support Group, Open Session, 12 February 2020"
APMBC_SOURCE = (
    "apmbc-15msp-2016-cooperation-assistance-committee.txt — Conclusions and Recommendations of the "
    "Committee on the Enhancement of Cooperation and Assistance, 15MSP, 19 October 2016"
)
A4P_SOURCE = "a4p-2020-security-council-briefing.txt — Security Council briefing, 14 September 2020"

SEED_FILES = (
    "casa-2009-project-proposal.txt",
    "masg-2020-ied-task-force-update.txt",
    "apmbc-15msp-2016-cooperation-assistance-committee.txt",
    "a4p-2020-security-council-briefing.txt",
)

# Footnote 1 of the CASA proposal, in its order. (The same document later says "its seventeen
# members" and "Seventeen CASA participants"; the list of 21 is what is stored.)
CASA_PARTICIPANTS = (
    "CTED", "DESA", "DPA", "DPKO", "DPI", "ICAO", "OCHA", "OHCHR", "OSRSG/CAAC", "OSAA", "UNDP",
    "UNEP", "UN-HABITAT", "UNHCR", "UNICEF", "UNIDIR", "UNMAS", "UNIFEM", "UNODA", "UNODC", "WHO",
)
CASA_OBJECTIVES = (
    ("To effectively contribute to the implementation of existing small arms instruments: the Firearms Protocol, "
    "the Programme of Action, and the International Tracing Instrument."),
    "To ensure coordinated inputs into the Arms Trade Treaty process.",
    "To develop, maintain and eventually review International Small Arms Control Standards.",
    "To further coordinated approaches to armed violence prevention.",
    "To enhance the work of the United Nations Security Council and the Peacebuilding Commission related to small arms.",
)

IED_NAME = "UN Coordinating Task Force on a whole-of-UN Approach to IEDs"
# Named in brackets after "This meeting gathered 15 UN entities"; "Sanction Committee" is the
# document's wording (entities/seed.py keeps it as another name of the sanctions committees).
IED_MEETING_NAMED = ("DPPA", "CTED", "OMA", "Sanction Committee", "UNDP", "UNDSS", "UNICEF", "UNIDIR", "UNOCT", "UNODC")
IED_MANDATE = (
    "The Secretary-General in his Agenda for Disarmament requested “United Nations entities, under the leadership "
    "of the United Nations Mine Action Service, in cooperation with the Office for Disarmament Affairs and other "
    "relevant United Nations entities, [to] promote a strengthened and coherent United Nations inter-agency "
    "coordination on improvised explosive devices to ensure a whole-of-system approach.”"
)
IED_BENEFITS = (
    "Create a network of UN entities to learn from and support one another;",
    "Enhance UN system operational effectiveness, use of resources and prevent duplication of effort;",
    "Strengthen UN in-house capacities through a commonly accessible “UN tool-box”;",
    "Raise awareness of UN leadership and leverage external support",
    "Improve UN support to and interaction with regional organizations and arrangements",
    "Assist UN leadership and member states with a more comprehensive toolbox.",
)
IED_ACCOMPLISHMENTS = (
    "Establish common understanding in the use of terminology;",
    "centralize knowledge of existing capabilities, improve data collection and analysis,",
    "and establish a UN Toolbox.",
)
IED_FINDINGS = (
    ("Lack of understanding of the extent of the IED threat and impact on the UN, both Member States and UN system. "
    "Combined with a lack of specific coordination, data, information, training, capacity and resources."),
    "Most UN entities' work is impacted, directly or indirectly, by the IED threat;",
    ("The use and presence of IEDs affect field as well as HQ based activities, across the peace and "
    "security/humanitarian, human rights/ development spectrum."),
    ("The UN \"response\" encompasses a wide range of expertise at operational as well as doctrine and policy levels. "
    "IED is not confined to an area: disarmament, Counter-Terrorism, security"),
)

COMMITTEE_NAME = "Committee on the Enhancement of Cooperation and Assistance"
COMMITTEE_MEMBERS = ("MX", "NL", "CH", "UG")
COMMITTEE_MANDATE = (
    "The purpose of the Committee on the Enhancement of Cooperation and Assistance (henceforth: the Committee) is to "
    "assist the States Parties in the full implementation of article 6 of the Anti-Personnel Mine Ban Convention "
    "(henceforth: the Convention). The Committee is mandated to promote cooperation and assistance, facilitate the "
    "fostering of partnerships, coordinate with other implementation mechanisms, present preliminary observations "
    "at Intersessional Meetings if need be, and present conclusions and recommendations, if relevant, at Meetings "
    "of the States Parties (MSP) or Review Conferences (RevCon)."
)
COMMITTEE_OBJECTIVES = (
    ("(a)", ("First, the Committee endeavoured to contribute to the overall understanding of the challenges faced by "
     "States in the implementation of the convention through the mapping of needs and challenges in implementing "
     "obligations related primarily to the destruction of stockpiled anti-personnel mines under article 4, the "
     "destruction of anti-personnel mines in mined areas under article 5 and in providing assistance to victims. "
     "Efforts to carry out this mapping is based primarily on information provided by States Parties and "
     "information collected by the relevant Committees under the Convention.")),
    ("(b)", ("Secondly, the Committee explored different platforms for States Parties to engage in a genuine dialogue "
     "regarding needs, challenges and to explore possible solutions.")),
    ("(c)", ("Thirdly, the Committee aimed at promoting partnerships between States Parties facing challenges in "
     "implementing key obligations of the Convention and States Parties in a position to assist. The committee "
     "hence explored how to improve the use of the existing Platform for Partnerships information exchange tool "
     "available on the Convention's website.")),
)

A4P_DECLARATION = "Declaration of Shared Commitments on UN Peacekeeping Operations"
# The States that spoke at the Security Council briefing of 14 September 2020, in order.
A4P_BRIEFING_SPEAKERS = (
    ("ZA", "Spoke also for Niger, Tunisia and Saint Vincent and the Grenadines."),
    ("NE", "Represented by South Africa's statement."),
    ("TN", "Represented by South Africa's statement."),
    ("VC", "Represented by South Africa's statement."),
    ("DO", ""), ("VN", ""), ("DE", ""), ("CN", ""), ("ID", ""), ("RU", ""), ("EE", ""), ("US", ""), ("BE", ""),
    ("FR", ""), ("GB", ""),
)


class SeedDataMissing(RuntimeError):
    pass


class Registry:
    """Looks parties up in the registry loaded by entities/seed.py and collects what is missing."""

    def __init__(self):
        self.missing: list[str] = []

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

    def check(self) -> None:
        if self.missing:
            raise SeedDataMissing(
                "taskforce seed: the registry lacks " + ", ".join(self.missing)
                + ". Load entities/seed.py first (manage.py load_seed_data runs it before this one)."
            )


def party_lookup(party) -> dict:
    if isinstance(party, Entity):
        return {"entity": party, "state": None, "organisation": None}
    if isinstance(party, State):
        return {"entity": None, "state": party, "organisation": None}
    return {"entity": None, "state": None, "organisation": party}


def load_casa(reg: Registry, tally: Tally) -> Mechanism:
    participants = [reg.entity(a) for a in CASA_PARTICIPANTS]
    unoda = reg.entity("UNODA")
    reg.check()
    casa = upsert(Mechanism, tally, {"slug": "casa"}, {
        "name": "United Nations Coordinating Action on Small Arms",
        "acronym": "CASA",
        "kind": MechanismKind.MECHANISM,
        "mandate": "Formulating and implementing a coherent and cohesive UN approach to the issue of small arms.",
        "lead_entity": unoda,
        "lead_state": None,
        "lead_role": PartyRole.CHAIR,
        "established_on": dt.date(1998, 1, 1),
        "established_precision": DatePrecision.YEAR,
        "established_by": "The Secretary-General",
        "founding_document": "",
        "declared_member_count": 21,
        "source": CASA_SOURCE,
    })
    for entity in participants:
        role = PartyRole.CHAIR if entity == unoda else PartyRole.MEMBER
        upsert(Membership, tally, {"mechanism": casa, **party_lookup(entity)}, {
            "role": role, "note": "Listed among the 21 CASA participants in 2009.", "source": CASA_SOURCE,
        })
    for order, text in enumerate(CASA_OBJECTIVES, 1):
        upsert(Objective, tally, {"mechanism": casa, "kind": ObjectiveKind.STRATEGIC_OBJECTIVE, "order": order}, {
            "label": str(order), "text": text, "status": ObjectiveStatus.NOT_ASSESSED,
            "source": CASA_SOURCE + " (strategic framework being finalized)",
        })
    return casa


def load_ied_task_force(reg: Registry, tally: Tally) -> Mechanism:
    unmas = reg.entity("UNMAS")
    named = [reg.entity(name) for name in IED_MEETING_NAMED]
    reg.check()
    task_force = upsert(Mechanism, tally, {"slug": "ied-task-force"}, {
        "name": IED_NAME,
        "acronym": "",
        "kind": MechanismKind.TASK_FORCE,
        "mandate": IED_MANDATE,
        "lead_entity": unmas,
        "lead_state": None,
        "lead_role": PartyRole.LEAD,
        "established_on": None,
        "established_by": "UNMAS, implementing the Secretary-General's call",
        "founding_document": "Secretary-General's Agenda for Disarmament (“Saving Lives”), Action 18",
        "declared_member_count": None,
        "source": MASG_SOURCE,
    })
    upsert(Membership, tally, {"mechanism": task_force, **party_lookup(unmas)}, {
        "role": PartyRole.LEAD, "note": "Leads the task force (Agenda for Disarmament, Action 18).", "source": MASG_SOURCE,
    })
    for order, text in enumerate(IED_BENEFITS, 1):
        upsert(Objective, tally, {"mechanism": task_force, "kind": ObjectiveKind.EXPECTED_BENEFIT, "order": order}, {
            "label": "", "text": text, "status": ObjectiveStatus.NOT_ASSESSED,
            "source": MASG_SOURCE + " (guidance of the first Director-level meeting)",
        })
    for order, text in enumerate(IED_ACCOMPLISHMENTS, 1):
        upsert(Objective, tally, {"mechanism": task_force, "kind": ObjectiveKind.EXPECTED_ACCOMPLISHMENT, "order": order}, {
            "label": str(order), "text": text, "status": ObjectiveStatus.PLANNED,
            "source": MASG_SOURCE + " (“This will inform the programme of work of the Task Force for the upcoming months.”)",
        })
    survey = upsert(Survey, tally, {"mechanism": task_force, "title": "Mapping survey on the exposure and response to the IED threat"}, {
        "description": (
            "In implementing this call for action, UNMAS carried out a mapping survey on the exposure and response "
            "to the IED threat of about 30 UN entities."
        ),
        "status": SurveyStatus.CLOSED,
        "declared_respondent_count": 30,
        "respondent_count_is_approximate": True,
        "source": MASG_SOURCE,
    })
    for order, text in enumerate(IED_FINDINGS, 1):
        upsert(SurveyFinding, tally, {"survey": survey, "order": order}, {"text": text})
    meeting = upsert(Meeting, tally, {"mechanism": task_force, "title": "First Director-level meeting of the task force"}, {
        "kind": MeetingKind.REGULAR,
        "status": MeetingStatus.HELD,
        "date": dt.date(2020, 1, 1),
        "date_precision": DatePrecision.MONTH,
        "date_note": "“late January” 2020: the source gives no day.",
        "level": MeetingLevel.DIRECTORS,
        "summary": (
            "Convened at the Director's level by UNMAS, based on the findings of the mapping survey. This meeting "
            "gathered 15 UN entities that directly contribute to the UN response. Participants have expressed support "
            "to UNMAS initiative and underlined the need for a coordination. The senior level meeting generated "
            "guidance on the benefits and expected achievements of a strengthened coordination for a whole-of-system "
            "approach, and discussed expected and concrete accomplishments, which will inform the programme of work "
            "of the Task Force for the upcoming months."
        ),
        "declared_participant_count": 15,
        "source": MASG_SOURCE,
    })
    upsert(Participant, tally, {"meeting": meeting, **party_lookup(unmas)}, {
        "role": ParticipantRole.CHAIR, "note": "Convened the meeting.",
    })
    for entity in named:
        upsert(Participant, tally, {"meeting": meeting, **party_lookup(entity)}, {"role": ParticipantRole.PARTICIPANT, "note": ""})
    briefing = upsert(Meeting, tally, {"mechanism": task_force, "title": "Thematic update to the Mine Action Support Group (MASG) Open Session"}, {
        "kind": MeetingKind.BRIEFING,
        "status": MeetingStatus.HELD,
        "date": dt.date(2020, 2, 12),
        "date_precision": DatePrecision.DAY,
        "date_note": "Thematic Update at 12.00 (the source gives no time zone).",
        "level": MeetingLevel.WORKING,
        "on_the_margins_of": "Mine Action Support Group – MASG, Open Session",
        "summary": (
            "UNMAS coordinating task force on a whole of UN system approach (SG’s disarmament agenda “Saving Lives”, "
            "Action 18): the mapping survey and its main findings, the first Director-level meeting and its guidance "
            "and expected accomplishments."
        ),
        "source": MASG_SOURCE,
    })
    upsert(Participant, tally, {"meeting": briefing, **party_lookup(unmas)}, {
        "role": ParticipantRole.PARTICIPANT, "note": "Gave the thematic update.",
    })
    return task_force


def load_committee(reg: Registry, tally: Tally) -> Mechanism:
    members = [reg.state(code) for code in COMMITTEE_MEMBERS]
    reg.check()
    committee = upsert(Mechanism, tally, {"slug": "committee-cooperation-assistance"}, {
        "name": COMMITTEE_NAME,
        "acronym": "",
        "kind": MechanismKind.COMMITTEE,
        "mandate": COMMITTEE_MANDATE,
        "lead_entity": None,
        "lead_state": None,
        "established_on": None,
        "established_by": "The States Parties to the Anti-Personnel Mine Ban Convention",
        "founding_document": "Mandate as set out at the Third Review Conference in Maputo",
        "declared_member_count": 4,
        "source": APMBC_SOURCE,
    })
    for state in members:
        upsert(Membership, tally, {"mechanism": committee, **party_lookup(state)}, {
            "role": PartyRole.MEMBER,
            "note": "Member when the Committee submitted its conclusions to the 15MSP (19 October 2016).",
            "source": APMBC_SOURCE,
        })
    for order, (label, text) in enumerate(COMMITTEE_OBJECTIVES, 1):
        upsert(Objective, tally, {"mechanism": committee, "kind": ObjectiveKind.OBJECTIVE, "order": order}, {
            "label": label, "text": text, "status": ObjectiveStatus.NOT_ASSESSED,
            "source": APMBC_SOURCE + " (objectives between the 14MSP and the 15MSP)",
        })
    upsert(Meeting, tally, {"mechanism": committee, "title": "Informal meeting for affected States and donors"}, {
        "kind": MeetingKind.REGULAR,
        "status": MeetingStatus.HELD,
        "date": dt.date(2015, 12, 1),
        "date_precision": DatePrecision.DAY,
        "level": MeetingLevel.INFORMAL,
        "on_the_margins_of": "Fourteenth Meeting of the States Parties (14MSP)",
        "summary": (
            "The Committee hosted an informal meeting for affected States and donors and requested States "
            "participating in the meeting to provide inputs concerning the best way to achieve the Committee's "
            "mandate as set out at the Third Review Conference in Maputo."
        ),
        "source": APMBC_SOURCE,
    })
    upsert(Meeting, tally, {"mechanism": committee, "title": "Follow-up meeting"}, {
        "kind": MeetingKind.REGULAR,
        "status": MeetingStatus.HELD,
        "date": dt.date(2016, 5, 20),
        "date_precision": DatePrecision.DAY,
        "level": MeetingLevel.INFORMAL,
        "on_the_margins_of": "Intersessional Meetings",
        "summary": (
            "At this occasion the Committee raised the issue that there was a need to better understand the "
            "challenges of individual states in fulfilling their obligations under the Convention in order to "
            "improve the allocation of resources and coordination."
        ),
        "source": APMBC_SOURCE,
    })
    return committee


def load_a4p(reg: Registry, tally: Tally) -> Mechanism:
    dpo = reg.entity("DPO")
    speakers = [(reg.state(code), note) for code, note in A4P_BRIEFING_SPEAKERS]
    reg.check()
    a4p = upsert(Mechanism, tally, {"slug": "a4p"}, {
        "name": "Action for Peacekeeping",
        "acronym": "A4P",
        "kind": MechanismKind.INITIATIVE,
        "mandate": "Launched with the aim of reigniting political commitment to peace operations.",
        "lead_entity": None,
        "lead_state": None,
        "established_on": dt.date(2018, 3, 1),
        "established_precision": DatePrecision.MONTH,
        "established_by": "The Secretary-General",
        "founding_document": A4P_DECLARATION,
        "source": A4P_SOURCE,
    })
    declaration = upsert(Declaration, tally, {"slug": "a4p-declaration"}, {
        "name": A4P_DECLARATION, "mechanism": a4p, "launched_on": None, "source": A4P_SOURCE,
    })
    as_of = dt.date(2020, 9, 14)
    for kind, count in ((EndorserKind.MEMBER_STATE, 154), (EndorserKind.REGIONAL_ORGANISATION, 4)):
        upsert(EndorsementCount, tally, {"declaration": declaration, "kind": kind, "as_of": as_of}, {
            "count": count, "source": A4P_SOURCE + " (“So far, 154 Member States and four regional organizations have signed on”)",
        })
    france = next(state for state, _ in speakers if state.code == "FR")
    upsert(Endorsement, tally, {"declaration": declaration, **party_lookup(france)}, {
        "endorsed_on": None, "known_by": as_of,
        "source": A4P_SOURCE + " (France: “among the more than 150 States that have signed the Declaration”)",
    })
    briefing = upsert(Meeting, tally, {"mechanism": a4p, "title": "Security Council briefing on Action for Peacekeeping"}, {
        "kind": MeetingKind.BRIEFING,
        "status": MeetingStatus.HELD,
        "date": as_of,
        "date_precision": DatePrecision.DAY,
        "level": MeetingLevel.PRINCIPALS,
        "is_online": True,
        "place": "Videoconference",
        "summary": (
            "The Under-Secretary-General for Peace Operations told the Security Council that the initiative will "
            "soon shift to the second phase of implementation, outlining eight critical systemic, cross-cutting "
            "issues to be addressed during the second phase."
        ),
        "source": A4P_SOURCE,
    })
    upsert(Participant, tally, {"meeting": briefing, **party_lookup(dpo)}, {
        "role": ParticipantRole.PARTICIPANT, "note": "The Under-Secretary-General for Peace Operations briefed the Council.",
    })
    for state, note in speakers:
        upsert(Participant, tally, {"meeting": briefing, **party_lookup(state)}, {"role": ParticipantRole.PARTICIPANT, "note": note})
    return a4p


def load(*, stdout, seeds_dir=None, **options) -> None:
    folder = find_seeds_dir(seeds_dir)
    missing = [name for name in SEED_FILES if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"Seed documents missing in {folder}: {', '.join(missing)}")
    reg, tally = Registry(), Tally()
    load_casa(reg, tally)
    load_ied_task_force(reg, tally)
    load_committee(reg, tally)
    load_a4p(reg, tally)
    stdout.write(f"taskforce: 4 mechanisms, their members, objectives, meetings, survey and endorsements ({tally})\n")
