from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from taskforce.calendar import calendar_feed
from taskforce.models import Mechanism

from .common import actor_of


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return _ics(calendar_feed(actor=actor_of(request), base_url=base), "task-forces.ics")


def mechanism_calendar(request, slug):
    mechanism = get_object_or_404(Mechanism, slug=slug)
    base = request.build_absolute_uri("/").rstrip("/")
    return _ics(calendar_feed(actor=actor_of(request), mechanism=mechanism, base_url=base), f"{slug}.ics")
