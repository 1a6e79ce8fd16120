from rest_framework.routers import SimpleRouter

from .views import ComplianceViewSet, DeadlineViewSet, LetterViewSet, ReportSubmissionViewSet

router = SimpleRouter()
router.register("letters", LetterViewSet, basename="letter")
router.register("report-submissions", ReportSubmissionViewSet, basename="report-submission")
router.register("deadlines", DeadlineViewSet, basename="deadline")
router.register("compliance", ComplianceViewSet, basename="compliance")

urlpatterns = router.urls
