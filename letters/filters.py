"""One filterset per model, shared by the staff pages and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.filters import SearchFilter
from entities.filters import WholeNumberFilter
from entities.models import Language
from entities.translation import in_any_language
from letters.models import Letter, LetterStatus, ReportKind, ReportSubmission


class LetterFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    status = django_filters.ChoiceFilter(choices=LetterStatus.choices, label=_("Status"))
    purpose = django_filters.CharFilter(label=_("Purpose"))
    period = WholeNumberFilter(label=_("Year"))
    stage = django_filters.CharFilter(label=_("Stage"))
    language = django_filters.ChoiceFilter(choices=Language.choices, label=_("Language"))
    state = django_filters.CharFilter(field_name="state__code", lookup_expr="iexact", label=_("State (ISO code)"))

    class Meta:
        model = Letter
        fields = ["q", "status", "purpose", "period", "stage", "language", "state"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(subject__icontains=value) | Q(key__icontains=value) | Q(message_id__icontains=value)
            | Q(malformed_addresses__icontains=value) | Q(last_error__icontains=value)
        )


class ReportSubmissionFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    period = WholeNumberFilter(label=_("Year covered"))
    kind = django_filters.ChoiceFilter(choices=ReportKind.choices, label=_("Kind"))
    state = django_filters.CharFilter(method="by_state", label=_("State (ISO code)"))

    class Meta:
        model = ReportSubmission
        fields = ["q", "period", "kind", "state"]

    def search(self, queryset, name, value):
        matches = Q(link__icontains=value) | in_any_language("obligation__name", "icontains", value)
        if len(value.strip()) == 2:  # an ISO code
            matches |= Q(state__code=value.strip().upper())
        return queryset.filter(matches)

    def by_state(self, queryset, name, value):
        # Anything but two letters names no State: checked before it reaches the database.
        code = value.strip().upper()
        if len(code) != 2 or not code.isascii() or not code.isalpha():
            return queryset.none()
        return queryset.filter(state__code=code)
