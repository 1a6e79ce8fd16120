from django.shortcuts import get_object_or_404, render

from entities.models import Entity
from taskforce.selectors import coordination_map, entity_involvement, role_labels


def coordination_map_view(request):
    kind = "state" if request.GET.get("parties") == "states" else "entity"
    mechanisms, rows = coordination_map(actor=request.actor, kind=kind)
    return render(request, "taskforce/coordination_map.html", {
        "mechanisms": mechanisms, "rows": rows, "kind": kind, "roles": role_labels(),
        "show_suggested": kind == "entity",
    })


def entity_involvement_view(request, pk):
    entity = get_object_or_404(Entity, pk=pk)
    involvement = entity_involvement(entity=entity, actor=request.actor)
    return render(request, "taskforce/entity_involvement.html", {"involvement": involvement, "entity": entity})
