from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from config.feeds import feed_language
from taskforce.models import Mechanism

from .ical import calendar_feed


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar(request):
    base = request.build_absolute_uri("/").rstrip("/")
    language = feed_language(request.GET.get("lang"))
    return _ics(calendar_feed(actor=request.actor, base_url=base, language=language), "task-forces.ics")


def mechanism_calendar(request, slug):
    mechanism = get_object_or_404(Mechanism, slug=slug)
    base = request.build_absolute_uri("/").rstrip("/")
    language = feed_language(request.GET.get("lang"))
    return _ics(calendar_feed(actor=request.actor, mechanism=mechanism, base_url=base, language=language), f"{slug}.ics")
