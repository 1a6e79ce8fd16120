"""The security log, for ISU staff: sign-ins, failures, lockouts, two-factor steps, refusals."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from ..models import SecurityEvent, SecurityEventKind

PAGE_SIZE = 50


class SecurityLogFilter(forms.Form):
    q = forms.CharField(label=_("Username, address or path"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Event"), required=False, choices=[("", _("All events")), *SecurityEventKind.choices],
    )


@never_cache
@login_required
def security_log(request):
    if not request.actor.is_isu_staff:
        raise PermissionDenied
    events = SecurityEvent.objects.all()
    form = SecurityLogFilter(request.GET or None)
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            events = events.filter(
                Q(username__icontains=query) | Q(ip_address__startswith=query) | Q(path__icontains=query)
            ) if _looks_like_address(query) else events.filter(Q(username__icontains=query) | Q(path__icontains=query))
        if kind := form.cleaned_data["kind"]:
            events = events.filter(kind=kind)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request, "registration/security_log.html",
        {"form": form, "page_obj": page, "events": page.object_list, "query_string": query_string.urlencode()},
    )


def _looks_like_address(text: str) -> bool:
    # Only digits, dots, colons and hex letters: worth matching against stored addresses.
    return all(ch in "0123456789abcdefABCDEF.:" for ch in text)
