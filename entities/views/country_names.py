"""The page where ISU staff correct a State's names and their grammar (entities.services.country_names)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.ui import apply_errors, signed_in
from entities.access.entities import can_correct_country_names, can_see_history
from entities.countries import country_forms
from entities.forms import StateNamesForm
from entities.models import CountryNameCorrection, State
from entities.services import country_names_correct, country_names_current, country_names_shipped


@signed_in(can_correct_country_names)
def state_names(request, code: str):
    if len(code) != 2:
        raise Http404
    state = get_object_or_404(State, code=code.upper())
    form = StateNamesForm.for_state(state, country_names_current(state), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            warnings = country_names_correct(state=state, names=form.names())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            of_state = country_forms(state).of  # "of Mexico", "du Mexique", "de México"
            messages.success(request, _("The names %(of_state)s are saved.") % {"of_state": of_state})
            for warning in warnings:
                messages.warning(request, warning)
            return redirect(state)
    corrections = CountryNameCorrection.objects.filter(state=state).order_by("language")
    shipped = {language: country_names_shipped(state, language)["name"] for language in ("en", "fr", "es")}
    return render(request, "entities/state_names.html", {
        "state": state, "form": form, "corrections": corrections, "shipped": shipped,
        "show_history": can_see_history(request.actor),
    }, status=400 if request.method == "POST" else 200)
