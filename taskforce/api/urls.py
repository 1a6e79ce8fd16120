from rest_framework.routers import SimpleRouter

from .views import ActionItemViewSet, MechanismViewSet, MeetingViewSet

router = SimpleRouter()
router.register("mechanisms", MechanismViewSet, basename="mechanism")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("action-items", ActionItemViewSet, basename="action-item")

urlpatterns = router.urls
