import factory

from recommendations.models import (
    Cluster,
    Recommendation,
    Reference,
    Report,
    StatusUpdate,
    SuggestedAction,
)

from .entities import AddresseeGroupFactory


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        django_get_or_create = ("symbol",)

    symbol = factory.Sequence(lambda n: f"S/2015/{300 + n}")
    organ = "Security Council"


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    text = factory.Sequence(lambda n: f"The Security Council should consider measure {n}.")
    cluster = factory.SubFactory(ClusterFactory)
    position = factory.Sequence(lambda n: n)


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    recommendation = factory.SubFactory(RecommendationFactory)
    report = factory.SubFactory(ReportFactory)
    number = factory.Sequence(lambda n: n + 1)


class SuggestedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuggestedAction
        skip_postgeneration_save = True

    recommendation = factory.SubFactory(RecommendationFactory)
    addressee = factory.SubFactory(AddresseeGroupFactory, slug="security-council", name="Security Council")
    text = factory.Sequence(lambda n: f"May wish to request a briefing {n}.")
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def implementing_entities(self, create, extracted, **kwargs):
        if create and extracted:
            self.implementing_entities.set(extracted)


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    action = factory.SubFactory(SuggestedActionFactory)
    status = "in_progress"
