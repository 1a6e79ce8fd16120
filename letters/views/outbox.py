from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from letters import selectors
from letters.filters import LetterFilter
from letters.models import Letter, LetterStatus
from letters.pdf import pdf_filename, pdf_for_letter
from letters.services import sending

from .common import paginate, staff_required


@staff_required
def index(request):
    counts = selectors.status_counts(Letter.objects.all())
    return render(request, "letters/index.html", {
        "counts": counts, "problems": selectors.address_problems(),
        "recent": selectors.Topics().annotate(selectors.letters_list()[:10]),
    })


# Letters still moving: the outbox page keeps its counts fresh while there are any.
IN_PROGRESS = (LetterStatus.QUEUED, LetterStatus.SENDING)


def _batch_counts(request) -> tuple[dict[str, int], str]:
    """Counts by status for the letters the outbox shows (whatever their status), and the query
    string selecting them: a stage sent from the screen is one purpose, year and stage."""
    params = request.GET.copy()
    for name in ("status", "page"):
        params.pop(name, None)
    counts_filter = LetterFilter(params, queryset=Letter.objects.all())
    return selectors.status_counts(counts_filter.qs), params.urlencode()


@staff_required
def outbox(request):
    base = selectors.letters_for(request.actor)
    filterset = LetterFilter(request.GET, queryset=base)
    letters = filterset.qs
    page, query_string = paginate(request, letters, per_page=50)
    counts, counts_query = _batch_counts(request)
    purpose = request.GET.get("purpose", "")
    topics = selectors.Topics()
    return render(request, "letters/outbox.html", {
        "filter": filterset, "page_obj": page, "letters": topics.annotate(page.object_list),
        "query_string": query_string, "counts": counts, "counts_query": counts_query,
        "progress_url": f"{reverse('letters:outbox-progress')}?{counts_query}",
        "in_progress": any(counts[status] for status in IN_PROGRESS),
        # The period filter refuses a non-number, so only a valid one is put in words.
        "batch": topics(purpose, request.GET.get("stage", ""), filterset.form.cleaned_data.get("period")) if purpose else "",
    })


@staff_required
def outbox_progress(request):
    """The counts of the outbox page as JSON, polled by static/letters/letters.js."""
    counts, _query = _batch_counts(request)
    return JsonResponse({"counts": counts, "in_progress": any(counts[status] for status in IN_PROGRESS)})


def _letter(request, pk) -> Letter:
    return get_object_or_404(selectors.letters_for(request.actor).defer(None), pk=pk)


@staff_required
def letter_detail(request, pk):
    letter = _letter(request, pk)
    selectors.Topics().annotate([letter])
    return render(request, "letters/letter_detail.html", {"letter": letter})


@staff_required
def letter_pdf(request, pk):
    letter = _letter(request, pk)
    response = HttpResponse(pdf_for_letter(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(letter)}"'
    return response


@staff_required
@require_POST
def letter_resend(request, pk):
    letter = sending.letter_resend(letter=_letter(request, pk))
    messages.success(request, _("Letter status: %(status)s.") % {"status": letter.get_status_display()})
    return redirect(letter)


@staff_required
@require_POST
def letter_cancel(request, pk):
    letter = _letter(request, pk)
    if sending.letter_cancel(letter=letter):
        messages.success(request, _("The letter was cancelled."))
    else:
        messages.error(request, _("Only a queued letter can be cancelled."))
    return redirect(letter)
