from tests.permissions.matrix import SIGNED_IN_HTML, STAFF_HTML, Route, expect

STAFF_POST = expect(STAFF_HTML, isu_staff=302)


def _letter(world):
    from tests.factories import LetterFactory

    return {"pk": LetterFactory(state=world.state_a).pk}


def _failed_letter(world):
    from letters.models import LetterStatus
    from tests.factories import LetterFactory

    return {"pk": LetterFactory(state=world.state_a, status=LetterStatus.FAILED).pk}


def _report_of_state_a(world):
    from tests.factories import ReportSubmissionFactory

    return {"pk": ReportSubmissionFactory(state=world.state_a).pk}


def _report_with_file_of_state_a(world):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from tests.factories import ReportSubmissionFactory

    # One fixed name, written once: the matrix runs this for every role.
    name = "reports/permission-matrix.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return {"pk": ReportSubmissionFactory(state=world.state_a, file=name).pk}


def _campaign(world):
    from tests.factories import CampaignFactory

    return {"pk": CampaignFactory().pk}


def _plan(world):
    from tests.factories import ReminderPlanFactory

    return {"pk": ReminderPlanFactory().pk}


def _stage(world):
    import datetime as dt

    from tests.factories import ReminderPlanFactory

    return {"plan": ReminderPlanFactory().pk, "period": dt.date.today().year - 1, "stage": "reminder-60"}


ROUTES = [
    Route("letters:index", STAFF_HTML),
    Route("letters:outbox", STAFF_HTML),
    Route("letters:letter-detail", STAFF_HTML, args=_letter),
    Route("letters:letter-pdf", STAFF_HTML, args=_letter),
    Route("letters:letter-resend", STAFF_POST, method="post", args=_failed_letter),
    Route("letters:letter-cancel", STAFF_POST, method="post", args=_letter),
    Route("letters:plan", STAFF_HTML),
    Route("letters:plan-edit", STAFF_HTML, args=_plan),
    Route("letters:preview", STAFF_HTML),
    Route("letters:campaign-list", STAFF_HTML),
    Route("letters:campaign-create", STAFF_HTML),
    Route("letters:campaign-detail", STAFF_HTML, args=_campaign),
    Route("letters:campaign-send", STAFF_POST, method="post", args=_campaign),
    Route("letters:template-list", STAFF_HTML),
    Route("letters:template-edit", STAFF_HTML, args=lambda w: {"kind": "report-reminder", "language": "fr"}),
    Route("letters:report-list", SIGNED_IN_HTML),
    Route("letters:report-create", expect(SIGNED_IN_HTML, entity_fp=403)),
    Route("letters:report-file", expect(SIGNED_IN_HTML, state_b=404, entity_fp=404), args=_report_with_file_of_state_a),
    Route("letters:compliance", STAFF_HTML),
    Route("letters:report-import", STAFF_HTML),
    Route("letters:report-import-confirm", STAFF_POST, method="post"),
    Route("letters:report-import-template", STAFF_HTML),
    Route("letters:report-export", STAFF_HTML),
    Route("letters:analytics", STAFF_HTML),
    Route("letters:outbox-progress", STAFF_HTML),
    Route("letters:stages", STAFF_HTML),
    Route("letters:stage-detail", STAFF_HTML, args=_stage),
    Route("letters:stage-send", STAFF_POST, method="post", args=_stage),
    Route("report-submission-list", expect(
        {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200, "api_token": 200})),
    Route("report-submission-detail", {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 404, "entity_fp": 404, "api_token": 200}, args=_report_of_state_a),
    Route("letter-list", {"anonymous": 401, "isu_staff": 200, "state_a": 403, "state_b": 403, "entity_fp": 403, "api_token": 403}),
    Route("letter-detail", {"anonymous": 401, "isu_staff": 200, "state_a": 403, "state_b": 403, "entity_fp": 403, "api_token": 403}, args=_letter),
]


def _party_a(world):
    from tests.factories import TreatyPartyFactory

    TreatyPartyFactory(state=world.state_a)
    return {"code": "MX"}


OWN_STATE_HTML = expect(STAFF_HTML, state_a=200)

ROUTES += [
    Route("letters:obligations", STAFF_HTML),
    Route("letters:obligations-calendar", STAFF_HTML),
    Route("letters:obligation-record", STAFF_HTML, args=lambda w: {"fact": "extension"}),
    Route("letters:obligations-state", OWN_STATE_HTML, args=_party_a),
    Route("letters:obligations-state-calendar", OWN_STATE_HTML, args=_party_a),
    Route("deadline-list", {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200, "api_token": 200}),
]

ROUTES += [
    Route("letters:obligations-reminders", STAFF_HTML),
    Route("letters:obligation-import", STAFF_HTML),
    Route("letters:obligation-import-confirm", STAFF_POST, method="post"),
    Route("letters:obligation-import-template", STAFF_HTML),
]


def _recording(world):
    from tests.factories import ReportingObligationFactory, TreatyPartyFactory

    party = TreatyPartyFactory(state=world.state_a)
    ReportingObligationFactory(treaty=party.treaty, code="article-7")
    return {}


REPORT_OF_A = {"state": "MX", "kind": "annual", "period": 2024, "received_on": "2025-04-02",
               "link": "https://example.org/report.pdf"}
API_STAFF_ONLY = {"anonymous": 401, "isu_staff": 200, "state_a": 403, "state_b": 403, "entity_fp": 403, "api_token": 403}

# API: reports recorded as the browser's form records them (staff, or the State's own focal point),
# the whole filtered list as the browser's export, and the compliance page (staff only).
ROUTES += [
    Route("report-submission-list", {"anonymous": 401, "isu_staff": 201, "state_a": 201, "state_b": 403, "entity_fp": 403,
                                     "api_token": 403}, method="post", format="json", args=_recording,
          data=lambda w: REPORT_OF_A, label="record State A's"),
    Route("report-submission-export", {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200,
                                       "api_token": 200}),
    Route("report-submission-list", {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200,
                                     "api_token": 200}, data=lambda w: {"format": "csv"}, label="csv"),
    Route("compliance-list", API_STAFF_ONLY),
    Route("compliance-list", API_STAFF_ONLY, data=lambda w: {"format": "xlsx"}, label="xlsx"),
    Route("compliance-export", API_STAFF_ONLY),
]
