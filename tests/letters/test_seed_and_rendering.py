from io import StringIO

from letters.models import LetterTemplate, ReminderPlan
from letters.services.rendering import TemplateSet


def test_seed_creates_the_article_7_plan_and_editable_texts_once(convention):
    from letters import seed

    ReminderPlan.objects.all().delete()
    seed.load(stdout=StringIO())
    seed.load(stdout=StringIO())
    assert ReminderPlan.objects.get().offsets_days == [60, 30, 7]
    # Eight kinds (four letters, four e-mails), three languages each, stored once.
    assert LetterTemplate.objects.count() == 24


def test_state_name_with_a_filter_is_rendered_in_full(db):
    LetterTemplate.objects.create(kind="report-reminder", language="en", subject="For {{ state|upper }}", body="{% if state %}Dear {{ state }}{% endif %}")
    render = TemplateSet().renderer(kind="report-reminder", language="en", context={})
    rendered = render("Côte d'Ivoire")
    assert rendered.subject == "For CÔTE D'IVOIRE"
    assert rendered.body == "Dear Côte d'Ivoire"


def test_state_name_is_substituted_as_typed_without_escaping(db):
    rendered = TemplateSet().renderer(kind="platform-call", language="fr", context={"period": 2027})("Côte d'Ivoire")
    assert "Côte d'Ivoire" in rendered.body and "&#x27;" not in rendered.body
