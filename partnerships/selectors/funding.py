"""Project totals, computed in the database: budget, pledged, received, funding gap.

Each total is a correlated subquery (not a JOIN + SUM, which would multiply rows when a project
has several budget lines and several pledges). The gap is budget minus everything pledged
(indicative, confirmed or received); an over-pledged project shows a negative gap.
"""

from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..choices import PledgeStatus
from ..models import BudgetLine, Pledge, Project

MONEY = DecimalField(max_digits=16, decimal_places=2)


def _sum(queryset) -> Coalesce:
    total = queryset.filter(project=OuterRef("pk")).order_by().values("project").annotate(total=Sum("amount")).values("total")
    return Coalesce(Subquery(total, output_field=MONEY), Value(Decimal("0")), output_field=MONEY)


def with_totals(queryset: QuerySet | None = None) -> QuerySet:
    queryset = queryset if queryset is not None else Project.objects.all()
    return queryset.annotate(
        budget_total=_sum(BudgetLine.objects.all()),
        pledged_total=_sum(Pledge.objects.all()),
        confirmed_total=_sum(Pledge.objects.filter(status__in=[PledgeStatus.CONFIRMED, PledgeStatus.RECEIVED])),
        received_total=_sum(Pledge.objects.filter(status=PledgeStatus.RECEIVED)),
    ).annotate(funding_gap=F("budget_total") - F("pledged_total"))


def projects_list() -> QuerySet:
    return with_totals(Project.objects.select_related("owner_mechanism", "owner_entity"))


def project_detail(pk: int) -> Project:
    return (
        with_totals(Project.objects.select_related("owner_mechanism", "owner_entity"))
        .prefetch_related("budget_lines", "pledges__donor_entity", "pledges__donor_state", "pledges__donor_organisation")
        .get(pk=pk)
    )
