import io

import pytest
from django.urls import reverse

from partnerships import demo
from partnerships.models import Entry
from tests.factories import TreatyPartyFactory
from tests.factories.entities import StateFactory, TreatyFactory

pytestmark = pytest.mark.django_db


def test_demo_entries_are_labelled_and_fill_the_public_page(client_for):
    treaty = TreatyFactory()
    for code in ("MX", "UG", "NO", "CH", "DE"):
        TreatyPartyFactory(treaty=treaty, state=StateFactory(code=code), is_demo=True)
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    entries = Entry.objects.all()
    assert entries.exists() and all(e.is_demo and e.title.startswith("DEMO — ") for e in entries)
    assert entries.count() == len([e for e in demo.ENTRIES if e[1] in ("MX", "UG", "NO", "CH", "DE")])
    assert "DEMO — " in client_for("anonymous").get(reverse("partnerships:index")).content.decode()
