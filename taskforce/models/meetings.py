import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import PartyReference, TimeStamped

from .common import DatePrecision, format_partial_date
from .mechanisms import Mechanism


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name or name == "UTC"]


class MeetingLevel(models.TextChoices):
    PRINCIPALS = "principals", _("principals")
    DIRECTORS = "directors", _("directors")
    WORKING = "working", _("working level")
    INFORMAL = "informal", _("informal")


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("meeting of the mechanism")
    BRIEFING = "briefing", _("briefing")
    INDIVIDUALISED_APPROACH = "individualised_approach", _("individualised-approach meeting")


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    REPORTED = "reported", _("report presented")
    CANCELLED = "cancelled", _("cancelled")


class ReportVenue(models.TextChoices):
    INTERSESSIONAL = "intersessional", _("Intersessional Meetings")
    MSP = "msp", _("Meeting of the States Parties / Review Conference")


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Confidential meetings exist only for ISU staff and the focal points of the requesting
        State and of the participants (taskforce.access)."""
        if actor.is_isu_staff:
            return self
        allowed = Q(is_confidential=False)
        if actor.state_id:
            allowed |= Q(requested_by_id=actor.state_id) | Q(participants__state_id=actor.state_id)
        if actor.entity_id:
            allowed |= Q(participants__entity_id=actor.entity_id)
        if actor.state_id or actor.entity_id:
            # The joins above may repeat a meeting once per matching participant.
            return self.filter(pk__in=self.filter(allowed).values("pk"))
        return self.filter(allowed)


class Meeting(TimeStamped):
    """A meeting of a mechanism.

    `date` is always set; `date_precision` says how much of it the source gives (the IED task
    force's first Director-level meeting is "late January 2020": 2020-01-01, MONTH, with the
    wording kept in `date_note`). `starts_at`/`ends_at` are set only when the time is known.
    """

    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=MeetingKind.choices, default=MeetingKind.REGULAR)
    status = models.CharField(_("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.HELD)
    date = models.DateField(_("date"), db_index=True)
    date_precision = models.CharField(_("precision of the date"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    date_note = models.CharField(_("note on the date"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    level = models.CharField(_("level"), max_length=16, choices=MeetingLevel.choices, default=MeetingLevel.WORKING)
    place = models.CharField(_("place"), max_length=255, blank=True)
    on_the_margins_of = models.CharField(_("on the margins of"), max_length=255, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online link"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    declared_participant_count = models.PositiveSmallIntegerField(
        _("number of participants stated by the source"), null=True, blank=True,
        help_text=_("e.g. 15 entities attended, of which the source names 10."),
    )
    is_confidential = models.BooleanField(
        _("confidential"), default=False,
        help_text=_("Seen only by ISU staff and the focal points of the participants."),
    )
    # Individualised approach (annex of the Committee's 2016 conclusions)
    requested_by = models.ForeignKey(
        "entities.State", verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="requested_meetings",
    )
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    report_for = models.CharField(_("report to be presented at"), max_length=16, choices=ReportVenue.choices, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date_display})"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The meeting cannot end before it starts.")})

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    @property
    def is_individualised_approach(self) -> bool:
        return self.kind == MeetingKind.INDIVIDUALISED_APPROACH

    def get_absolute_url(self) -> str:
        return reverse("taskforce:meeting-detail", args=[self.pk])


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=500)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    CO_CHAIR = "co_chair", _("co-chair")
    SECRETARY = "secretary", _("secretary")
    FACILITATOR = "facilitator", _("facilitator")
    PARTICIPANT = "participant", _("participant")


class ParticipantCapacity(models.TextChoices):
    """In what capacity a party attends an individualised-approach meeting (annex, IV (a))."""

    REQUESTING_STATE = "requesting_state", _("Requesting affected State Party")
    PRESIDENT = "president", _("President of the AP Mine Ban Convention")
    ISU = "isu", _("AP Mine Ban Convention ISU")
    COMMITTEE = "committee", _("Committee on the Enhancement of Cooperation and Assistance")
    OTHER_COMMITTEE = "other_committee", _("Other Committees")
    ASSISTING_STATE = "assisting_state", _("States (Parties and Observers) in a position to provide assistance")
    ORGANISATION = "organisation", _("International and regional organisations")
    CIVIL_SOCIETY = "civil_society", _("Relevant civil-society organisations")
    OPERATOR = "operator", _("Operators")


class Participant(PartyReference):
    """A party (entity, State or organisation) at a meeting, with its role."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("role"), max_length=16, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT)
    capacity = models.CharField(_("capacity"), max_length=20, choices=ParticipantCapacity.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "entity__acronym", "state__code", "organisation__name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            PartyReference.constraint("participant_one_party"),
            models.UniqueConstraint(fields=["meeting", "entity"], condition=Q(entity__isnull=False), name="participant_entity_once"),
            models.UniqueConstraint(fields=["meeting", "state"], condition=Q(state__isnull=False), name="participant_state_once"),
            models.UniqueConstraint(
                fields=["meeting", "organisation"], condition=Q(organisation__isnull=False), name="participant_organisation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} — {self.get_role_display()}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("decision"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


def meeting_document_path(instance, filename: str) -> str:
    return f"taskforce/meetings/{instance.meeting_id}/{filename}"


class MeetingDocument(TimeStamped):
    """A document of a meeting: an uploaded file or a link."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=meeting_document_path, blank=True)
    url = models.URLField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "title"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        constraints = [
            models.CheckConstraint(condition=~Q(file="") | ~Q(url=""), name="meeting_document_file_or_link"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


class ProcessStep(models.TextChoices):
    """The process of an individualised-approach meeting (annex, IV (b))."""

    STATUS_PRESENTATION = "status", _("Presentation by affected State with regard current status of implementation and challenges to meeting 2025")
    SOLUTIONS_PRESENTATION = "solutions", _("Presentation by affected State of proposed solutions to address these challenges")
    EXCHANGE = "exchange", _("Exchange of information with involved partners")
    CHALLENGES_LIST = "challenges", _("Production of list of challenges/needs")
    MEASURES = "measures", _("Discussions on measures/plan to address these")
    COORDINATION = "coordination", _("Coordination among States in a position to assist to address identified challenges")


class ProcessCheck(models.Model):
    """One step of the individualised-approach process, ticked off for one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="process_checks")
    step = models.CharField(_("step"), max_length=16, choices=ProcessStep.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    done = models.BooleanField(_("done"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        constraints = [models.UniqueConstraint(fields=["meeting", "step"], name="unique_process_step")]

    def __str__(self) -> str:
        return self.get_step_display()
