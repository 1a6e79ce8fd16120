import factory
from django.contrib.auth import get_user_model

from entities.models import (
    AddresseeGroup,
    Entity,
    EntityKind,
    FocalPoint,
    Organisation,
    ReportingObligation,
    State,
    Treaty,
    TreatyParty,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ("acronym",)

    acronym = factory.Sequence(lambda n: f"ENT{n}")
    name = factory.LazyAttribute(lambda e: f"United Nations {e.acronym}")
    kind = EntityKind.DEPARTMENT_OFFICE


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("code",)

    code = factory.Iterator(["MX", "NL", "CH", "UG", "CO", "KH", "AO", "FR", "ES", "DE"])
    is_un_member = True
    region = "Americas"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Regional Organisation {n}")
    acronym = factory.Sequence(lambda n: f"RO{n}")


class AddresseeGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AddresseeGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Addressee {n}")
    slug = factory.Sequence(lambda n: f"addressee-{n}")


class TreatyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Treaty
        django_get_or_create = ("short_name",)

    name = "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction"
    short_name = "APMBC"


class TreatyPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TreatyParty

    treaty = factory.SubFactory(TreatyFactory)
    state = factory.SubFactory(StateFactory)


class ReportingObligationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingObligation
        django_get_or_create = ("treaty", "code")

    treaty = factory.SubFactory(TreatyFactory)
    code = "article-7"
    name = "Article 7 transparency report"
    article = "7"
    initial_report_days = 180
    annual_due_month = 4
    annual_due_day = 30


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    name = factory.Sequence(lambda n: f"Focal Point {n}")
    email = factory.Sequence(lambda n: f"focal{n}@example.org")
    state = factory.SubFactory(StateFactory)
