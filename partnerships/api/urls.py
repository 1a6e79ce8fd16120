from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("platform/needs", views.NeedViewSet, basename="need")
router.register("platform/offers", views.OfferViewSet, basename="offer")
router.register("platform/matches", views.MatchViewSet, basename="partnership-match")
router.register("platform/projects", views.ProjectViewSet, basename="partnership-project")
router.register("platform/challenges", views.ChallengeViewSet, basename="partnership-challenge")

urlpatterns = router.urls
