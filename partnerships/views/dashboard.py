"""Figures for the secretariat: needs against offers, matching, stale entries, funding gaps."""

from django.core.exceptions import PermissionDenied
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import selectors
from ..selectors.figures import platform_figures


@login_required
def dashboard(request):
    actor = request.actor
    if not actor.is_isu_staff:
        raise PermissionDenied
    return render(request, "partnerships/dashboard.html", platform_figures(selectors.entries_for(actor)))
