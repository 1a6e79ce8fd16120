import datetime as dt
import uuid

import factory

from letters.models import Campaign, Letter, LetterStatus, ReminderPlan, ReportKind, ReportSubmission

from .entities import ReportingObligationFactory, StateFactory, TreatyFactory


class ReminderPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReminderPlan
        django_get_or_create = ("obligation",)

    obligation = factory.SubFactory(ReportingObligationFactory)
    offsets_days = [60, 30, 7]
    overdue_after_days = 7


class ReportSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSubmission

    obligation = factory.SubFactory(ReportingObligationFactory)
    state = factory.SubFactory(StateFactory)
    kind = ReportKind.ANNUAL
    period = 2026
    received_on = factory.LazyAttribute(lambda r: dt.date(r.period + 1, 4, 15))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = "Annual call for Platform for Partnerships updates"
    treaty = factory.SubFactory(TreatyFactory)
    period = 2027
    send_on = dt.date(2027, 5, 1)
    meeting = "the Intersessional Meetings"


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    key = factory.Sequence(lambda n: f"test-letter:{n}")
    purpose = "apmbc-article-7"
    state = factory.SubFactory(StateFactory)
    period = 2026
    stage = factory.Sequence(lambda n: f"reminder-{n}")
    language = "en"
    recipients = factory.LazyFunction(lambda: ["focal@example.org"])
    subject = "Reminder: Article 7 transparency report for 2026"
    body = "Dear focal point,\n\nPlease submit your report."
    status = LetterStatus.QUEUED
    message_id = factory.LazyFunction(lambda: f"<{uuid.uuid4().hex}@test.local>")
