from rest_framework.routers import SimpleRouter

from .views import LetterViewSet, ReportSubmissionViewSet

router = SimpleRouter()
router.register("letters", LetterViewSet, basename="letter")
router.register("report-submissions", ReportSubmissionViewSet, basename="report-submission")

urlpatterns = router.urls
