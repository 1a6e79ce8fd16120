"""The repository carries its real data: data/seed is what the parsers extract from the five
documents, byte for byte, every record says where it comes from, and load_seed_data needs no
document at all."""

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from entities.loading import seed_data_dir
from entities.models import Entity, State
from entities.seed.documents import CASA, DOCUMENT_FILES
from entities.seed.reference import country_code_by_name, m49_area, member_state_rows
from partnerships.models import Project
from recommendations.models import Recommendation, SuggestedAction
from taskforce.models import Mechanism

PROJECT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(os.environ.get("SEEDS_DIR") or PROJECT.parent / "shared" / "seeds")
needs_documents = pytest.mark.skipif(
    not all((DOCUMENTS / name).is_file() for name in DOCUMENT_FILES), reason=f"seed documents not present in {DOCUMENTS}"
)
AREAS = ("entities", "recommendations", "taskforce", "partnerships")


def committed(area: str) -> dict:
    return json.loads((seed_data_dir() / f"{area}.json").read_text(encoding="utf-8"))


@needs_documents
def test_a_fresh_extraction_equals_the_committed_files_byte_for_byte(tmp_path):
    call_command("extract_seed_data", "--from", str(DOCUMENTS), "--to", str(tmp_path), stdout=io.StringIO())
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(path.name for path in seed_data_dir().glob("*.json"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (seed_data_dir() / name).read_bytes(), (
            f"data/seed/{name} differs from what the parsers extract: run manage.py extract_seed_data --from <documents>"
        )


@needs_documents
def test_extraction_stops_without_writing_when_a_document_no_longer_says_it(tmp_path):
    changed = tmp_path / "documents"
    shutil.copytree(DOCUMENTS, changed)
    proposal = changed / CASA
    proposal.write_text(proposal.read_text(encoding="utf-8").replace("OSRSG/CAAC", "OSRSG"), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(CommandError, match="OSRSG/CAAC"):
        call_command("extract_seed_data", "--from", str(changed), "--to", str(out))
    assert not out.exists()


def test_extraction_asks_where_the_documents_are(monkeypatch, tmp_path):
    monkeypatch.delenv("SEEDS_DIR", raising=False)
    with pytest.raises(CommandError, match="--from"):
        call_command("extract_seed_data", "--to", str(tmp_path))
    with pytest.raises(CommandError, match="missing"):
        call_command("extract_seed_data", "--from", str(tmp_path), "--to", str(tmp_path))


def _records(value, path="$"):
    """Every record of a seed file: each dict in a list."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield f"{path}[{index}]", item
            yield from _records(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "sources"):
                yield from _records(item, f"{path}.{key}")


@pytest.mark.parametrize("area", AREAS)
def test_every_record_cites_a_document_and_its_lines(area):
    records = list(_records(committed(area)))
    assert records
    for path, record in records:
        citations = record.get("sources") or [record.get("source")]
        assert all(citations), f"{area}.json {path} cites no source"
        for citation in citations:
            assert citation["document"] in DOCUMENT_FILES, f"{area}.json {path}"
            first, last = citation["lines"]
            assert 1 <= first <= last, f"{area}.json {path}"


def test_load_seed_data_works_with_no_documents_and_twice(db, monkeypatch, tmp_path):
    monkeypatch.setenv("SEEDS_DIR", str(tmp_path))  # an empty folder: nothing to read there
    call_command("load_seed_data", stdout=io.StringIO())
    assert Entity.objects.count() == 58 and State.objects.filter(is_un_member=True).count() == 193
    assert (Recommendation.objects.count(), SuggestedAction.objects.count()) == (18, 45)
    assert Mechanism.objects.count() == 4 and Project.objects.count() == 1

    out = io.StringIO()
    call_command("load_seed_data", stdout=out)
    lines = out.getvalue().splitlines()
    assert all("0 created, 0 updated" in line for line in lines if line.startswith(("entities:", "taskforce:")))
    assert "recommendations: annex I of S/2017/1025 (unchanged)" in lines
    assert any(line.startswith("partnerships: CASA project up to date") for line in lines)


def test_reference_countries_give_the_member_states_and_regions_of_other_parties():
    assert len(member_state_rows()) == 193
    assert m49_area("CK") == ("Oceania", "Polynesia")  # not a Member State, may still be a party
    assert country_code_by_name("Republic of Moldova") == "MD"
    assert country_code_by_name("Cote d’Ivoire") == "CI"
    assert country_code_by_name("Atlantis") == ""
