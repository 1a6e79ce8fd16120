"""The task forces as the documents describe them: curated records with their sources.

Every record carries a `Cite`: the wording it rests on (`quotes`) and the fields that are the
document's own words (`verbatim`). `extract.py` checks each against the document and writes
the records, with where they were found, to `data/seed/taskforce.json`. Only what the
documents say:

- CASA (casa-2009-project-proposal.txt): chaired by UNODA, created by the Secretary-General in
  1998, its 21 participants (footnote 1) and its five strategic objectives, verbatim. (The
  same document later says "its seventeen members" and "Seventeen CASA participants"; the list
  of 21 is what is stored.)
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

Parties are written as {"entity": acronym or the document's name}, {"state": ISO code} or
{"organisation": acronym}; the loader resolves them in the registry.
"""

from entities.seed.documents import A4P, APMBC, CASA, MASG, Cite
from entities.seed.facts import CASA_PARTICIPANTS

from ..models import (
    EndorserKind,
    MechanismKind,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    ObjectiveKind,
    ObjectiveStatus,
    ParticipantRole,
    PartyRole,
    SurveyStatus,
)
from ..models.common import DatePrecision

# How each record's `source` field names its document (the loader writes "<file> — <title>").
DOCUMENTS = {
    CASA: {
        "title": "Project: The UN Coordinating Action on Small Arms (CASA mechanism), 2009",
        "source": Cite(CASA, quotes=(("PROJECT: THE UN COORDINATING ACTION ON SMALL ARMS", "(CASA MECHANISM)"),)),
    },
    MASG: {
        "title": "Mine Action Support Group, Open Session, 12 February 2020",
        "source": Cite(MASG, quotes=(("Mine Action Support Group – MASG", "Open Session", "12 February 2020"),)),
    },
    APMBC: {
        "title": (
            "Conclusions and Recommendations of the Committee on the Enhancement of Cooperation and "
            "Assistance, 15MSP, 19 October 2016"
        ),
        "source": Cite(APMBC, quotes=(
            ("19 October 2016", "Fifteenth Meeting",
             "Conclusions and Recommendations of the Committee on the Enhancement of Cooperation and Assistance"),
        )),
    },
    A4P: {
        "title": "Security Council briefing, 14 September 2020",
        "source": Cite(A4P, quotes=(("14 September 2020", "Security Council"),)),
    },
}


def _participant(entity: str) -> dict:
    return {
        "party": {"entity": entity}, "role": PartyRole.CHAIR if entity == "UNODA" else PartyRole.MEMBER,
        "note": "Listed among the 21 CASA participants in 2009.",
        "source": Cite(CASA, quotes=(("CASA Participants (21):", entity),), place="footnote 1"),
    }


CASA_OBJECTIVES = (
    ("To effectively contribute to the implementation of existing small arms instruments: the Firearms Protocol, "
     "the Programme of Action, and the International Tracing Instrument."),
    "To ensure coordinated inputs into the Arms Trade Treaty process.",
    "To develop, maintain and eventually review International Small Arms Control Standards.",
    "To further coordinated approaches to armed violence prevention.",
    "To enhance the work of the United Nations Security Council and the Peacebuilding Commission related to small arms.",
)

CASA_MECHANISM = {
    "slug": "casa",
    "name": "United Nations Coordinating Action on Small Arms",
    "acronym": "CASA",
    "kind": MechanismKind.MECHANISM,
    "mandate": "Formulating and implementing a coherent and cohesive UN approach to the issue of small arms.",
    "lead_entity": "UNODA",
    "lead_state": None,
    "lead_role": PartyRole.CHAIR,
    "established_on": "1998-01-01",
    "established_precision": DatePrecision.YEAR,
    "established_by": "The Secretary-General",
    "founding_document": "",
    "declared_member_count": 21,
    "source": Cite(CASA, quotes=(
        ("The United Nations Coordinating Action on Small Arms (CASA) mechanism, which is chaired by the United Nations "
        "Office for Disarmament Affairs (UNODA), is a mechanism created by the Secretary-General in 1998 aimed at "
        "formulating and implementing a coherent and cohesive UN approach to the issue of small arms."),
        "Currently CASA consists of 21 UN departments, offices, agencies, programmes and funds.",
    ), place="Background"),
    "memberships": [_participant(entity) for entity in CASA_PARTICIPANTS],
    "objectives": [
        {
            "kind": ObjectiveKind.STRATEGIC_OBJECTIVE, "order": order, "label": str(order), "text": text,
            "status": ObjectiveStatus.NOT_ASSESSED,
            "source": Cite(CASA, verbatim=("text",), place="Background", note="strategic framework being finalized"),
        }
        for order, text in enumerate(CASA_OBJECTIVES, 1)
    ],
}

IED_NAMED_PARTICIPANTS = ("DPPA", "CTED", "OMA", "Sanction Committee", "UNDP", "UNDSS", "UNICEF", "UNIDIR", "UNOCT", "UNODC")
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
IED_CONVENED = (
    "Based on these findings, I have convened at the Director's level the first meeting of the UN Coordinating Task "
    "Force on a whole-of-UN Approach to IEDS late January"
)
IED_UPDATE = (
    "UNMAS coordinating task force on a whole of UN system approach (SG’s disarmament agenda “Saving Lives”, Action 18"
)

IED_TASK_FORCE = {
    "slug": "ied-task-force",
    "name": "UN Coordinating Task Force on a whole-of-UN Approach to IEDs",
    "acronym": "",
    "kind": MechanismKind.TASK_FORCE,
    "mandate": (
        "The Secretary-General in his Agenda for Disarmament requested “United Nations entities, under the leadership "
        "of the United Nations Mine Action Service, in cooperation with the Office for Disarmament Affairs and other "
        "relevant United Nations entities, [to] promote a strengthened and coherent United Nations inter-agency "
        "coordination on improvised explosive devices to ensure a whole-of-system approach.”"
    ),
    "lead_entity": "UNMAS",
    "lead_state": None,
    "lead_role": PartyRole.LEAD,
    "established_on": None,
    "established_by": "UNMAS, implementing the Secretary-General's call",
    "founding_document": "Secretary-General's Agenda for Disarmament (“Saving Lives”), Action 18",
    "declared_member_count": None,
    "source": Cite(
        MASG, quotes=(IED_UPDATE, "the UN Coordinating Task Force on a whole-of-UN Approach to IEDS"), verbatim=("mandate",),
    ),
    "memberships": [
        {
            "party": {"entity": "UNMAS"}, "role": PartyRole.LEAD,
            "note": "Leads the task force (Agenda for Disarmament, Action 18).",
            "source": Cite(MASG, quotes=("under the leadership of the United Nations Mine Action Service",)),
        },
    ],
    "objectives": [
        *(
            {
                "kind": ObjectiveKind.EXPECTED_BENEFIT, "order": order, "label": "", "text": text,
                "status": ObjectiveStatus.NOT_ASSESSED,
                "source": Cite(MASG, verbatim=("text",), note="guidance of the first Director-level meeting"),
            }
            for order, text in enumerate(IED_BENEFITS, 1)
        ),
        *(
            {
                "kind": ObjectiveKind.EXPECTED_ACCOMPLISHMENT, "order": order, "label": str(order), "text": text,
                "status": ObjectiveStatus.PLANNED,
                "source": Cite(
                    MASG, verbatim=("text",),
                    note="“This will inform the programme of work of the Task Force for the upcoming months.”",
                ),
            }
            for order, text in enumerate(IED_ACCOMPLISHMENTS, 1)
        ),
    ],
    "surveys": [
        {
            "title": "Mapping survey on the exposure and response to the IED threat",
            "description": (
                "In implementing this call for action, UNMAS carried out a mapping survey on the exposure and response "
                "to the IED threat of about 30 UN entities."
            ),
            "status": SurveyStatus.CLOSED,
            "declared_respondent_count": 30,
            "respondent_count_is_approximate": True,
            "source": Cite(MASG, verbatim=("description",)),
            "findings": [
                {"order": order, "text": text, "source": Cite(MASG, verbatim=("text",), place="Main findings")}
                for order, text in enumerate(IED_FINDINGS, 1)
            ],
        },
    ],
    "meetings": [
        {
            "title": "First Director-level meeting of the task force",
            "kind": MeetingKind.REGULAR,
            "status": MeetingStatus.HELD,
            "date": "2020-01-01",
            "date_precision": DatePrecision.MONTH,
            "date_note": "“late January” 2020: the source gives no day.",
            "level": MeetingLevel.DIRECTORS,
            "summary": (
                "Convened at the Director's level by UNMAS, based on the findings of the mapping survey. This meeting "
                "gathered 15 UN entities that directly contribute to the UN response. Participants have expressed "
                "support to UNMAS initiative and underlined the need for a coordination. The senior level meeting "
                "generated guidance on the benefits and expected achievements of a strengthened coordination for a "
                "whole-of-system approach, and discussed expected and concrete accomplishments, which will inform the "
                "programme of work of the Task Force for the upcoming months."
            ),
            "declared_participant_count": 15,
            "source": Cite(MASG, quotes=(
                IED_CONVENED,
                ("This meeting gathered 15 UN entities that directly contribute to the UN response. Participants have "
                "expressed support to UNMAS initiative and underlined the need for a coordination"),
                ("The senior level meeting generated guidance on the benefits and expected achievements of a "
                "strengthened coordination for a whole-of-system approach"),
                "The meeting also discussed expected and concrete accomplishments",
                "This will inform the programme of work of the Task Force for the upcoming months.",
            )),
            "participants": [
                {
                    "party": {"entity": "UNMAS"}, "role": ParticipantRole.CHAIR, "note": "Convened the meeting.",
                    "source": Cite(MASG, quotes=(IED_UPDATE, IED_CONVENED)),
                },
                *(
                    {
                        "party": {"entity": name}, "role": ParticipantRole.PARTICIPANT, "note": "",
                        "source": Cite(MASG, quotes=(("This meeting gathered 15 UN entities", name),)),
                    }
                    for name in IED_NAMED_PARTICIPANTS
                ),
            ],
        },
        {
            "title": "Thematic update to the Mine Action Support Group (MASG) Open Session",
            "kind": MeetingKind.BRIEFING,
            "status": MeetingStatus.HELD,
            "date": "2020-02-12",
            "date_precision": DatePrecision.DAY,
            "date_note": "Thematic Update at 12.00 (the source gives no time zone).",
            "level": MeetingLevel.WORKING,
            "on_the_margins_of": "Mine Action Support Group – MASG, Open Session",
            "summary": (
                "UNMAS coordinating task force on a whole of UN system approach (SG’s disarmament agenda “Saving Lives”, "
                "Action 18): the mapping survey and its main findings, the first Director-level meeting and its guidance "
                "and expected accomplishments."
            ),
            "source": Cite(MASG, quotes=(
                ("Mine Action Support Group – MASG", "Open Session", "12 February 2020", "Thematic Update 12.00"),
                IED_UPDATE,
            )),
            "participants": [
                {
                    "party": {"entity": "UNMAS"}, "role": ParticipantRole.PARTICIPANT, "note": "Gave the thematic update.",
                    "source": Cite(MASG, quotes=(("Thematic Update 12.00", IED_UPDATE),)),
                },
            ],
        },
    ],
}

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
COMMITTEE_SUBMITTED_BY = "Submitted by the Committee on the Enhancement of Cooperation and Assistance"
# ISO code and the name the document gives, in its order.
COMMITTEE_MEMBERS = (("MX", "Mexico"), ("NL", "Netherlands"), ("CH", "Switzerland"), ("UG", "Uganda"))

COMMITTEE = {
    "slug": "committee-cooperation-assistance",
    "name": "Committee on the Enhancement of Cooperation and Assistance",
    "acronym": "",
    "kind": MechanismKind.COMMITTEE,
    "mandate": (
        "The purpose of the Committee on the Enhancement of Cooperation and Assistance (henceforth: the Committee) is to "
        "assist the States Parties in the full implementation of article 6 of the Anti-Personnel Mine Ban Convention "
        "(henceforth: the Convention). The Committee is mandated to promote cooperation and assistance, facilitate the "
        "fostering of partnerships, coordinate with other implementation mechanisms, present preliminary observations "
        "at Intersessional Meetings if need be, and present conclusions and recommendations, if relevant, at Meetings "
        "of the States Parties (MSP) or Review Conferences (RevCon)."
    ),
    "lead_entity": None,
    "lead_state": None,
    "established_on": None,
    "established_by": "The States Parties to the Anti-Personnel Mine Ban Convention",
    "founding_document": "Mandate as set out at the Third Review Conference in Maputo",
    "declared_member_count": 4,
    "source": Cite(APMBC, quotes=(
        ("Conclusions and Recommendations of the Committee on the Enhancement of Cooperation and Assistance",
         "(Mexico, Netherlands, Switzerland and Uganda)"),
        "the Committee's mandate as set out at the Third Review Conference in Maputo",
    ), verbatim=("mandate",)),
    "memberships": [
        {
            "party": {"state": code}, "role": PartyRole.MEMBER,
            "note": "Member when the Committee submitted its conclusions to the 15MSP (19 October 2016).",
            "source": Cite(APMBC, quotes=((COMMITTEE_SUBMITTED_BY, name),)),
        }
        for code, name in COMMITTEE_MEMBERS
    ],
    "objectives": [
        {
            "kind": ObjectiveKind.OBJECTIVE, "order": order, "label": label, "text": text,
            "status": ObjectiveStatus.NOT_ASSESSED,
            "source": Cite(
                APMBC, verbatim=("text",), place=f"B. Objectives of the Committee, 3 {label}",
                note="objectives between the 14MSP and the 15MSP",
            ),
        }
        for order, (label, text) in enumerate(COMMITTEE_OBJECTIVES, 1)
    ],
    "meetings": [
        {
            "title": "Informal meeting for affected States and donors",
            "kind": MeetingKind.REGULAR,
            "status": MeetingStatus.HELD,
            "date": "2015-12-01",
            "date_precision": DatePrecision.DAY,
            "level": MeetingLevel.INFORMAL,
            "on_the_margins_of": "Fourteenth Meeting of the States Parties (14MSP)",
            "summary": (
                "The Committee hosted an informal meeting for affected States and donors and requested States "
                "participating in the meeting to provide inputs concerning the best way to achieve the Committee's "
                "mandate as set out at the Third Review Conference in Maputo."
            ),
            "source": Cite(APMBC, quotes=(
                ("The Committee hosted an informal meeting for affected States and donors on the margins of the "
                "Fourteenth Meeting of the States Parties (14MSP) on 01 December 2015 and requested States "
                "participating in the meeting to provide inputs concerning the best way to achieve the Committee's "
                "mandate as set out at the Third Review Conference in Maputo."),
            ), place="B. Objectives of the Committee, 2"),
            "participants": [],
        },
        {
            "title": "Follow-up meeting",
            "kind": MeetingKind.REGULAR,
            "status": MeetingStatus.HELD,
            "date": "2016-05-20",
            "date_precision": DatePrecision.DAY,
            "level": MeetingLevel.INFORMAL,
            "on_the_margins_of": "Intersessional Meetings",
            "summary": (
                "At this occasion the Committee raised the issue that there was a need to better understand the "
                "challenges of individual states in fulfilling their obligations under the Convention in order to "
                "improve the allocation of resources and coordination."
            ),
            "source": Cite(
                APMBC,
                quotes=("A follow-up meeting was organised on the margins of the Intersessional Meetings on 20 May 2016.",),
                verbatim=("summary",), place="B. Objectives of the Committee, 2",
            ),
            "participants": [],
        },
    ],
}

A4P_DECLARATION = "Declaration of Shared Commitments on UN Peacekeeping Operations"
A4P_SIGNED = (
    "So far, 154 Member States and four regional organizations have signed onto the initiative’s “Declaration of "
    "Shared Commitments on UN Peacekeeping Operations”."
)
SOUTH_AFRICA = "South Africa’s representative, also speaking for Niger, Tunisia and Saint Vincent and the Grenadines"
# The States that spoke at the Security Council briefing of 14 September 2020, in order, with
# the words that introduce each.
A4P_BRIEFING_SPEAKERS = (
    ("ZA", "Spoke also for Niger, Tunisia and Saint Vincent and the Grenadines.", SOUTH_AFRICA),
    ("NE", "Represented by South Africa's statement.", SOUTH_AFRICA),
    ("TN", "Represented by South Africa's statement.", SOUTH_AFRICA),
    ("VC", "Represented by South Africa's statement.", SOUTH_AFRICA),
    ("DO", "", "The representative of the Dominican Republic"),
    ("VN", "", "Viet Nam’s representative"),
    ("DE", "", "Germany’s representative"),
    ("CN", "", "China’s representative"),
    ("ID", "", "Indonesia’s representative"),
    ("RU", "", "The Russian Federation’s representative"),
    ("EE", "", "Estonia’s representative"),
    ("US", "", "The representative of the United States"),
    ("BE", "", "Belgium’s representative"),
    ("FR", "", "France’s representative"),
    ("GB", "", "The United Kingdom’s representative"),
)

A4P_INITIATIVE = {
    "slug": "a4p",
    "name": "Action for Peacekeeping",
    "acronym": "A4P",
    "kind": MechanismKind.INITIATIVE,
    "mandate": "Launched with the aim of reigniting political commitment to peace operations.",
    "lead_entity": None,
    "lead_state": None,
    "established_on": "2018-03-01",
    "established_precision": DatePrecision.MONTH,
    "established_by": "The Secretary-General",
    "founding_document": A4P_DECLARATION,
    "source": Cite(A4P, quotes=(
        ("The Secretary-General’s Action for Peacekeeping initiative was launched in March 2018, with the aim of "
        "reigniting political commitment to peace operations."),
        A4P_DECLARATION,
    )),
    "declarations": [
        {
            "slug": "a4p-declaration",
            "name": A4P_DECLARATION,
            "launched_on": None,
            "source": Cite(A4P, quotes=(A4P_DECLARATION,)),
            "endorsement_counts": [
                {
                    "kind": kind, "as_of": "2020-09-14", "count": count,
                    "source": Cite(
                        A4P, quotes=(A4P_SIGNED,),
                        note="“So far, 154 Member States and four regional organizations have signed on”",
                    ),
                }
                for kind, count in ((EndorserKind.MEMBER_STATE, 154), (EndorserKind.REGIONAL_ORGANISATION, 4))
            ],
            "endorsements": [
                {
                    "party": {"state": "FR"}, "endorsed_on": None, "known_by": "2020-09-14",
                    "source": Cite(
                        A4P,
                        quotes=(
                            "France is among the more than 150 States that have signed the Declaration of Shared Commitments",
                        ),
                        note="France: “among the more than 150 States that have signed the Declaration”",
                    ),
                },
            ],
        },
    ],
    "meetings": [
        {
            "title": "Security Council briefing on Action for Peacekeeping",
            "kind": MeetingKind.BRIEFING,
            "status": MeetingStatus.HELD,
            "date": "2020-09-14",
            "date_precision": DatePrecision.DAY,
            "level": MeetingLevel.PRINCIPALS,
            "is_online": True,
            "place": "Videoconference",
            "summary": (
                "The Under-Secretary-General for Peace Operations told the Security Council that the initiative will "
                "soon shift to the second phase of implementation, outlining eight critical systemic, cross-cutting "
                "issues to be addressed during the second phase."
            ),
            "source": Cite(A4P, quotes=(
                "will soon shift to the second phase of implementation",
                "told the Security Council in a 14 September videoconference meeting",
                "said Under-Secretary-General for Peace Operations Jean-Pierre Lacroix",
                "Outlining eight critical systemic, cross-cutting issues to be addressed during the second phase",
            )),
            "participants": [
                {
                    "party": {"entity": "DPO"}, "role": ParticipantRole.PARTICIPANT,
                    "note": "The Under-Secretary-General for Peace Operations briefed the Council.",
                    "source": Cite(A4P, quotes=("said Under-Secretary-General for Peace Operations Jean-Pierre Lacroix",)),
                },
                *(
                    {
                        "party": {"state": code}, "role": ParticipantRole.PARTICIPANT, "note": note,
                        "source": Cite(A4P, quotes=(wording,)),
                    }
                    for code, note, wording in A4P_BRIEFING_SPEAKERS
                ),
            ],
        },
    ],
}

MECHANISMS = [CASA_MECHANISM, IED_TASK_FORCE, COMMITTEE, A4P_INITIATIVE]
