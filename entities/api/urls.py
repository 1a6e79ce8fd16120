from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("entities", views.EntityViewSet, basename="entity")
router.register("states", views.StateViewSet, basename="state")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("addressees", views.AddresseeGroupViewSet, basename="addressee")
router.register("treaties", views.TreatyViewSet, basename="treaty")
router.register("treaty-parties", views.TreatyPartyViewSet, basename="treaty-party")

urlpatterns = router.urls
