from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entities.access import actor_for
from entities.access.letters import visible_letters
from letters import selectors
from letters.filters import LetterFilter
from letters.models import Letter
from letters.pdf import pdf_filename, pdf_for_letter
from letters.services import sending

from .common import paginate, staff_required


@staff_required
def index(request):
    counts = selectors.status_counts(Letter.objects.all())
    return render(request, "letters/index.html", {
        "counts": counts, "problems": selectors.address_problems(),
        "recent": selectors.letters_list()[:10],
    })


@staff_required
def outbox(request):
    base = visible_letters(actor_for(request.user), selectors.letters_list())
    filterset = LetterFilter(request.GET, queryset=base)
    letters = filterset.qs
    page, query_string = paginate(request, letters, per_page=50)
    counts_filter = LetterFilter({k: v for k, v in request.GET.items() if k not in ("status", "page")}, queryset=Letter.objects.all())
    return render(request, "letters/outbox.html", {
        "filter": filterset, "page_obj": page, "letters": page.object_list, "query_string": query_string,
        "counts": selectors.status_counts(counts_filter.qs),
    })


def _letter(request, pk) -> Letter:
    return get_object_or_404(visible_letters(actor_for(request.user), selectors.letters_list().defer(None)), pk=pk)


@staff_required
def letter_detail(request, pk):
    letter = _letter(request, pk)
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
