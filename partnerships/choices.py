"""The Platform's vocabulary: kinds and areas of assistance, statuses and visibility."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    NEED = "need", _("Need")
    OFFER = "offer", _("Offer")


class Kind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    EQUIPMENT = "equipment", _("Equipment")
    EXPERTISE = "expertise", _("Expertise")
    EXPERIENCE = "experience", _("Experience and best practice")


class Area(models.TextChoices):
    MINE_CLEARANCE = "mine_clearance", _("Mine clearance (article 5)")
    STOCKPILE_DESTRUCTION = "stockpile_destruction", _("Stockpile destruction (article 4)")
    VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")
    RISK_EDUCATION = "risk_education", _("Mine risk education")
    OTHER = "other", _("Other")


class EntryStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    MATCHED = "matched", _("Matched")
    FULFILLED = "fulfilled", _("Fulfilled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Entries that still look for a partner; only these are ranked as candidates.
ACTIVE_STATUSES = (EntryStatus.OPEN, EntryStatus.IN_DISCUSSION)
# Entries that are still current and so must be confirmed every twelve months.
CURRENT_STATUSES = (EntryStatus.OPEN, EntryStatus.IN_DISCUSSION, EntryStatus.MATCHED)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTIES = "parties", _("States Parties only")
    SECRETARIAT = "secretariat", _("Secretariat only")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")


class Obligation(models.TextChoices):
    ARTICLE_4 = "article_4", _("Stockpile destruction (article 4)")
    ARTICLE_5 = "article_5", _("Mine clearance (article 5)")
    VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")


class ChallengeNature(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    TECHNICAL = "technical", _("Technical")
    POLITICAL = "political", _("Political")


class ChallengeSource(models.TextChoices):
    ARTICLE_7 = "article_7", _("Article 7 report")
    EXTENSION_REQUEST = "extension_request", _("Extension request")
    BILATERAL = "bilateral", _("Bilateral exchange")


class PledgeStatus(models.TextChoices):
    INDICATIVE = "indicative", _("Indicative")
    CONFIRMED = "confirmed", _("Confirmed")
    RECEIVED = "received", _("Received")
