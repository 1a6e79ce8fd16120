from rest_framework.routers import SimpleRouter

from .views import DeadlineViewSet, LetterViewSet, ReportSubmissionViewSet

router = SimpleRouter()
router.register("letters", LetterViewSet, basename="letter")
router.register("report-submissions", ReportSubmissionViewSet, basename="report-submission")
router.register("deadlines", DeadlineViewSet, basename="deadline")

urlpatterns = router.urls
