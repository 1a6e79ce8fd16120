from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.idempotency import submitted_once
from entities.models import Language
from letters import defaults, selectors
from letters.forms import CampaignForm, LetterTemplateForm, PreviewForm, ReminderPlanForm
from letters.models import Campaign, LetterTemplate, ReminderPlan, TemplateKind
from letters.models.templates import PLACEHOLDER_FIELDS, PLACEHOLDERS
from letters.pdf import letter_pdf
from letters.services.rendering import TemplateSet
from letters.services.scheduling import campaign_queue, preview_context

from .common import staff_required


@staff_required
def plan(request):
    today = timezone.localdate()
    stages, campaigns = selectors.plan_ahead(today=today)
    return render(request, "letters/plan.html", {
        "today": today, "stages": stages, "campaigns": campaigns,
        "plans": ReminderPlan.objects.select_related("obligation__treaty"),
    })


@staff_required
def plan_edit(request, pk):
    reminder_plan = get_object_or_404(ReminderPlan.objects.select_related("obligation__treaty"), pk=pk)
    form = ReminderPlanForm(request.POST or None, instance=reminder_plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The reminder plan was saved."))
        return redirect("letters:plan")
    return render(request, "letters/form.html", {"form": form, "title": _("Reminder plan: %(name)s") % {"name": reminder_plan}})


@staff_required
def preview(request):
    form = PreviewForm(request.GET or None)
    rendered = None
    if form.is_valid():
        data = form.cleaned_data
        obligation = selectors.article7()
        treaty_name = obligation.treaty.name if obligation else ""
        context = preview_context(kind=data["kind"], treaty_name=treaty_name, obligation=obligation,
                                  period=data["period"], days=data["days"])
        with translation.override(data["language"]):
            state_name = str(data["state"])
        rendered = TemplateSet().renderer(kind=data["kind"], language=data["language"], context=context)(state_name)
        if request.GET.get("format") == "pdf":
            pdf = letter_pdf(subject=rendered.subject, body=rendered.body, language=rendered.language,
                             state_name=state_name, reference=_("Preview"))
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = 'inline; filename="preview.pdf"'
            return response
    return render(request, "letters/preview.html", {"form": form, "rendered": rendered,
                                                    "pdf_query": request.GET.urlencode()})


@staff_required
def campaign_list(request):
    return render(request, "letters/campaign_list.html", {"campaigns": Campaign.objects.select_related("treaty")})


@staff_required
@submitted_once
def campaign_create(request):
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        campaign = form.save()
        messages.success(request, _("The campaign was planned."))
        return redirect(campaign)
    return render(request, "letters/form.html", {"form": form, "title": _("Plan a campaign")})


@staff_required
def campaign_detail(request, pk):
    campaign = get_object_or_404(Campaign.objects.select_related("treaty"), pk=pk)
    letters = selectors.letters_list().filter(purpose=campaign.kind, period=campaign.period, stage=campaign.purpose)
    return render(request, "letters/campaign_detail.html", {
        "campaign": campaign, "counts": selectors.status_counts(letters),
        "letters": selectors.Topics().annotate(letters[:500]),
        "counts_query": urlencode({"purpose": campaign.kind, "period": campaign.period, "stage": campaign.purpose}),
    })


@staff_required
@require_POST
def campaign_send(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    created = campaign_queue(campaign=campaign)
    messages.success(request, _("%(count)s letter(s) queued.") % {"count": created})
    return redirect(campaign)


@staff_required
def template_list(request):
    saved = {(t.kind, t.language): t for t in LetterTemplate.objects.all()}
    templates = TemplateSet()
    rows = []
    for kind, label in TemplateKind.choices:
        for language in ("en", "fr", "es"):
            rows.append({"kind": kind, "label": label, "language": language, "language_name": Language(language).label,
                         # Edited by staff: a stored text other than the shipped one (the seed
                         # stores the shipped texts, which are not "edited").
                         "edited": (kind, language) in saved
                         and (saved[kind, language].subject, saved[kind, language].body) != defaults.TEMPLATES[kind][language],
                         "subject": templates.source(kind, language)[0]})
    return render(request, "letters/template_list.html", {"rows": rows})


@staff_required
def template_edit(request, kind, language):
    if kind not in TemplateKind.values or language not in ("en", "fr", "es"):
        from django.http import Http404

        raise Http404
    instance = LetterTemplate.objects.filter(kind=kind, language=language).first()
    if instance is None:
        subject, body = TemplateSet().source(kind, language)
        instance = LetterTemplate(kind=kind, language=language, subject=subject, body=body)
    form = LetterTemplateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The template was saved."))
        return redirect("letters:template-list")
    return render(request, "letters/template_edit.html", {
        "form": form, "kind": TemplateKind(kind).label, "language": language, "language_name": Language(language).label,
        "placeholders": [(name, PLACEHOLDER_FIELDS.get(name, ())) for name in sorted(PLACEHOLDERS[kind])],
    })
