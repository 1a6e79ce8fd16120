"""The contacts pages that go through the outbox: the "addresses to fix" worklist and the
invitation to sign in. They are the registry's pages (their URLs and names are under
`entities:`), but they read and write letters, so they live here: the registry does not import
the letters app."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.ui import paginate
from entities import selectors as registry
from entities.services import contact_invite
from entities.views.history import isu_staff_required
from letters import selectors
from letters.models import LetterStatus
from letters.services.outbox import message_enqueue

WORKLIST_PAGE_SIZE = 50


@isu_staff_required
def contact_worklist(request):
    """States Parties letters cannot reach, and the letters that did not go out."""
    problems = selectors.address_problems()
    states: dict[int, dict] = {}
    for problem in problems:
        entry = states.setdefault(problem.state.pk, {"state": problem.state, "none": False, "malformed": []})
        if problem.problem == "none":
            entry["none"] = True
        elif problem.focal_point is not None:
            entry["malformed"].append(problem.focal_point)
    without_address = sorted(states.values(), key=lambda entry: entry["state"].name.casefold())
    letters = selectors.letters_for(request.actor).filter(
        status__in=[LetterStatus.NO_RECIPIENT, LetterStatus.FAILED],
    ).order_by("-created_at", "-pk")
    page, query_string = paginate(request, letters, per_page=WORKLIST_PAGE_SIZE)
    unreachable = {entry["state"].pk for entry in without_address if entry["none"]}
    return render(request, "entities/contacts/worklist.html", {
        "without_address": without_address, "unreachable_count": len(unreachable), "page_obj": page,
        "letters": page.object_list, "query_string": query_string, "unreachable": unreachable,
    })


@isu_staff_required
@require_POST
def contact_invitation(request, pk: int):
    contact = get_object_or_404(registry.contact_detail(), pk=pk)
    try:
        invitation = contact_invite(
            contact=contact, site_url=settings.SITE_URL or request.build_absolute_uri("/"), send=message_enqueue,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        params = {"name": invitation.contact.name, "username": invitation.username, "email": invitation.contact.email}
        if invitation.created_login:
            messages.success(request, _(
                "Login “%(username)s” created for %(name)s. An e-mail with a link to choose a password is queued for %(email)s."
            ) % params)
        else:
            messages.success(request, _(
                "A new link to choose a password is queued for %(email)s (login “%(username)s”)."
            ) % params)
    return redirect("entities:contact-detail", pk=contact.pk)
