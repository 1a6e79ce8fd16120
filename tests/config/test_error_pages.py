"""An unknown address gets a proper 404 page (JSON under /api/); a server error shows the 500
page and never a traceback or the error's text."""

import pytest
from django.test import Client

from .urls_failing import SECRET_IN_ERROR

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_the_404_page_in_the_site_layout():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert "Back to the home page" in content
    assert 'class="site-header"' in content


def test_unknown_api_address_gets_json_404():
    response = Client().get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_404_page_escapes_the_requested_address():
    response = Client().get("/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.urls("tests.config.urls_failing")
def test_server_error_shows_the_500_page_without_traceback():
    client = Client()
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong" in content
    assert "Traceback" not in content
    assert SECRET_IN_ERROR not in content
    assert "Content-Security-Policy" in response


@pytest.mark.urls("tests.config.urls_failing")
def test_api_server_error_is_json_without_traceback():
    client = Client()
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail"}
    assert SECRET_IN_ERROR not in response.content.decode()


def test_malformed_json_to_the_api_gets_a_json_client_error_not_a_500(client_for):
    response = client_for("isu_staff").generic(
        "POST", "/api/v1/entities/", "{not json", content_type="application/json"
    )
    assert response.status_code in (400, 405)
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_request_for_a_host_not_allowed_is_a_400_page():
    response = Client(HTTP_HOST="evil.example.com").get("/")
    assert response.status_code == 400
    assert b"Bad request" in response.content
