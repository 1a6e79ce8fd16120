import factory
from django.utils import timezone

from partnerships.choices import Area, Kind, Side, Visibility
from partnerships.models import Challenge, Entry, Match

from .entities import StateFactory


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    side = Side.NEED
    state = factory.SubFactory(StateFactory)
    kind = Kind.FINANCIAL
    area = Area.MINE_CLEARANCE
    title = factory.Sequence(lambda n: f"Clearance of mined area {n}")
    description = "Survey and clearance of the remaining suspected hazardous areas."
    visibility = Visibility.PUBLIC
    confirmed_at = factory.LazyFunction(timezone.now)


class OfferFactory(NeedFactory):
    side = Side.OFFER
    title = factory.Sequence(lambda n: f"Funding for clearance {n}")
    description = "Funding available for mine clearance operations."


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    need = factory.SubFactory(NeedFactory)
    offer = factory.SubFactory(OfferFactory)


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    state = factory.SubFactory(StateFactory)
    obligation = "article_5"
    description = "Access to mined areas in the border region is restricted."
    nature = "technical"
    source = "article_7"
