from rest_framework.routers import SimpleRouter

from .views import RecommendationViewSet, ReportViewSet, SuggestedActionViewSet

router = SimpleRouter()
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("actions", SuggestedActionViewSet, basename="suggested-action")
router.register("reports", ReportViewSet, basename="sg-report")

urlpatterns = router.urls
