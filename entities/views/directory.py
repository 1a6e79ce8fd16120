from django.shortcuts import get_object_or_404, render

from entities.models import Entity, State


def entity_list(request):
    return render(request, "entities/entity_list.html", {"entities": Entity.objects.all()})


def entity_detail(request, acronym):
    return render(request, "entities/entity_detail.html", {"entity": get_object_or_404(Entity, acronym=acronym)})


def state_list(request):
    return render(request, "entities/state_list.html", {"states": State.objects.all()})


def state_detail(request, code):
    return render(request, "entities/state_detail.html", {"state": get_object_or_404(State, code=code.upper())})
