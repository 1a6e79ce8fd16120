import datetime as dt

import factory

from taskforce.models import (
    ActionItem,
    Capability,
    GlossaryTerm,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    Survey,
    SurveyQuestion,
)

from .entities import EntityFactory


class MechanismFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mechanism
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Coordination mechanism {n}")
    acronym = factory.Sequence(lambda n: f"CM{n}")
    slug = factory.Sequence(lambda n: f"cm-{n}")
    lead_entity = factory.SubFactory(EntityFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    mechanism = factory.SubFactory(MechanismFactory)
    entity = factory.SubFactory(EntityFactory)
    role = "member"


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    mechanism = factory.SubFactory(MechanismFactory)
    kind = "objective"
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Objective {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    mechanism = factory.SubFactory(MechanismFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = dt.date(2026, 3, 2)
    level = "working"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    entity = factory.SubFactory(EntityFactory)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    mechanism = factory.SubFactory(MechanismFactory)
    meeting = factory.SubFactory(MeetingFactory, mechanism=factory.SelfAttribute("..mechanism"))
    text = factory.Sequence(lambda n: f"Share the list of capabilities, part {n}")
    entity = factory.SubFactory(EntityFactory)
    due_on = dt.date(2026, 6, 30)


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    mechanism = factory.SubFactory(MechanismFactory)
    title = factory.Sequence(lambda n: f"Mapping survey {n}")
    status = "open"


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Question {n}")
    kind = "text"


class CapabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capability

    entity = factory.SubFactory(EntityFactory)
    kind = "training"
    title = factory.Sequence(lambda n: f"Training course {n}")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    mechanism = factory.SubFactory(MechanismFactory)
    term_en = factory.Sequence(lambda n: f"term {n}")
    term_fr = factory.Sequence(lambda n: f"terme {n}")
    term_es = factory.Sequence(lambda n: f"término {n}")
    definition_en = "A definition."
