from rest_framework.routers import SimpleRouter

from .status_updates import ActionStatusUpdateViewSet
from .views import RecommendationViewSet, ReportViewSet, SuggestedActionViewSet

router = SimpleRouter()
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("actions", SuggestedActionViewSet, basename="suggested-action")
router.register(r"actions/(?P<action_id>[0-9]+)/status-updates", ActionStatusUpdateViewSet, basename="action-status-update")
router.register("reports", ReportViewSet, basename="sg-report")

urlpatterns = router.urls
