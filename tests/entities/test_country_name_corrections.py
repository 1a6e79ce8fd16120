"""ISU staff correct how a State is named, per language, with its grammar; the correction wins
over the shipped table on pages, pick lists and letters, and is kept with its history."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities.countries import country_by_name, country_forms, names_table
from entities.country_corrections import VERSION_KEY, corrections_forget
from entities.models import CountryNameCorrection
from letters.models import TemplateKind
from letters.services.rendering import TemplateSet

URL = "entities:state-names"


@pytest.fixture(autouse=True)
def _forget_corrections():
    """The database is rolled back after each test: what the process keeps in memory must go too."""
    corrections_forget()
    yield
    corrections_forget()


def _form(state, **changes) -> dict:
    """The form as the page fills it for `state`, with `changes`."""
    fields = {}
    for language in ("en", "fr", "es"):
        forms = names_table()[state.code.code][language]
        fields[f"name_{language}"] = forms.name
        fields[f"article_{language}"] = forms.article
    french = names_table()[state.code.code]["fr"]
    fields.update(gender_fr=french.gender, number_fr=french.number)
    if french.elides:
        fields["elides_fr"] = "on"
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


def _page(client, name: str, language: str, **kwargs) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse(name, kwargs=kwargs or None)).content.decode()


def test_the_page_shows_the_names_as_the_state_is_named_now(staff_client, state_b):
    page = _page(staff_client, URL, "en", code="UG")
    assert 'value="Ouganda"' in page and 'value="Uganda"' in page


def test_a_corrected_french_name_is_shown_on_pages_and_in_letters(staff_client, state_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse(URL, args=["UG"]), _form(state_b, name_fr="Ouganda (République de l')"))
    assert response.status_code == 302
    assert response["Location"] == state_b.get_absolute_url()

    assert "Ouganda (République de l&#x27;)" in _page(staff_client, "entities:state-detail", "fr", code="UG")
    assert "Ouganda (République de l&#x27;)" in _page(staff_client, "entities:state-list", "fr")
    assert "Uganda" in _page(staff_client, "entities:state-detail", "es", code="UG")  # other languages unchanged

    letter = TemplateSet().renderer(kind=TemplateKind.REPORT_REMINDER, language="fr", context={})("UG")
    assert "point focal de l'Ouganda (République de l')" in letter.body
    assert country_by_name("Ouganda (République de l')") == "UG"


def test_a_correction_of_the_grammar_changes_the_letters(staff_client, state_b):
    staff_client.post(reverse(URL, args=["UG"]), _form(state_b, article_fr="", elides_fr="on"))
    assert country_forms("UG", "fr").of == "d'Ouganda"
    assert country_forms("UG", "fr").with_article == "Ouganda"


def test_a_rule_of_grammar_broken_is_refused_naming_the_field_and_nothing_is_saved(staff_client, state_b):
    response = staff_client.post(reverse(URL, args=["UG"]), _form(
        state_b, name_fr="Nouvel Ouganda", article_fr="la", gender_fr="m",
    ))
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["gender_fr"]
    assert "“la” goes with a feminine name" in form.errors["gender_fr"][0]
    assert not CountryNameCorrection.objects.exists()
    assert country_forms("UG", "fr").name == "Ouganda"


@pytest.mark.parametrize(("changes", "field"), [
    ({"name_es": "  "}, "name_es"),
    ({"name_en": "x" * 101}, "name_en"),
    ({"name_en": "123"}, "name_en"),
    ({"article_es": "les"}, "article_es"),
    ({"article_fr": "les", "number_fr": "s"}, "number_fr"),
    ({"article_fr": "l'", "elides_fr": None}, "elides_fr"),
])
def test_bad_input_is_refused_on_its_field(staff_client, state_b, changes, field):
    response = staff_client.post(reverse(URL, args=["UG"]), _form(state_b, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not CountryNameCorrection.objects.exists()


def test_an_elision_before_a_consonant_is_saved_with_a_warning(staff_client, state_a):
    response = staff_client.post(reverse(URL, args=["MX"]), _form(state_a, article_fr="", elides_fr="on"), follow=True)
    assert response.status_code == 200
    assert "starts with a consonant" in response.content.decode()
    assert country_forms("MX", "fr").of == "d'Mexique"  # as staff wrote it, after the warning


def test_the_table_s_names_again_remove_the_correction_and_the_history_keeps_both(staff_client, state_b):
    staff_client.post(reverse(URL, args=["UG"]), _form(state_b, name_en="Republic of Uganda"))
    correction = CountryNameCorrection.objects.get(state=state_b, language="en")
    staff_client.post(reverse(URL, args=["UG"]), _form(state_b))
    assert not CountryNameCorrection.objects.exists()
    assert country_forms("UG", "en").name == "Uganda"
    history = CountryNameCorrection.history.filter(id=correction.pk).order_by("history_date")
    assert [(row.history_type, row.name, row.history_user.username) for row in history] == [
        ("+", "Republic of Uganda", "isu"), ("-", "Republic of Uganda", "isu"),
    ]


def test_a_focal_point_cannot_correct_a_name(client_for, state_a):
    response = client_for("state_a").post(reverse(URL, args=["MX"]), _form(state_a, name_en="Mexico (United States of)"))
    assert response.status_code == 403
    assert not CountryNameCorrection.objects.exists()


def test_a_correction_made_by_another_process_is_read_at_the_next_request(client, state_b):
    assert "Ouganda" in _page(client, "entities:state-detail", "fr", code="UG")
    CountryNameCorrection.objects.create(state=state_b, language="fr", name="Ouganda libre", gender="m")
    cache.set(VERSION_KEY, "saved elsewhere")  # what the other process does once it commits
    assert "Ouganda libre" in _page(client, "entities:state-detail", "fr", code="UG")


def test_names_cost_no_query_per_request_once_read(client, state_b, staff_client, django_capture_on_commit_callbacks):
    def queries() -> int:
        client.get(reverse("entities:state-list"))
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("entities:state-list"))
        return len(captured)

    before = queries()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse(URL, args=["UG"]), _form(state_b, name_en="Republic of Uganda"))
    assert queries() == before
    assert "Republic of Uganda" in _page(client, "entities:state-list", "en")
