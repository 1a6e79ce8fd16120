from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import (
    ActionItemUpdateViewSet,
    ActionItemViewSet,
    CapabilityViewSet,
    DeclarationViewSet,
    GlossaryTermViewSet,
    MechanismViewSet,
    MeetingViewSet,
    SurveyViewSet,
)

router = SimpleRouter()
router.register("mechanisms", MechanismViewSet, basename="mechanism")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("action-items", ActionItemViewSet, basename="action-item")
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register("surveys", SurveyViewSet, basename="survey")
router.register("capabilities", CapabilityViewSet, basename="capability")
router.register("glossary", GlossaryTermViewSet, basename="glossary-term")

urlpatterns = [
    # Posted under its item, not a resource of its own (the root lists `-list` routes only).
    path("action-items/<int:item_id>/updates/", ActionItemUpdateViewSet.as_view({"post": "create"}),
         name="action-item-updates"),
    *router.urls,
]
