"""Facts the five documents do not give, read from `data/reference/` (its README names the
source of each file): the countries of UN M49 with their UN membership, the entities and the
renames and closures the registry needs, the treaty's dates and its initial report period.

Read with the csv module; cached, because the country lookups also serve the States Parties
import at request time.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import unicodedata

from ..loading import reference_dir

# M49 groups its subregions into five regions; the registry stores both.
M49_REGION = {
    "Africa": {"Eastern Africa", "Middle Africa", "Northern Africa", "Southern Africa", "Western Africa"},
    "Americas": {"Caribbean", "Central America", "South America", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
}
REGIONS = tuple(M49_REGION)


class ReferenceDataError(ValueError):
    """A file of data/reference/ does not hold what the loaders need; the message names it."""


def read_reference(name: str) -> list[dict[str, str]]:
    path = reference_dir() / name
    if not path.is_file():
        raise ReferenceDataError(f"Reference data file {path} is missing.")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def countries_by_code() -> dict[str, dict[str, str]]:
    rows = {row["iso_code"]: row for row in read_reference("countries.csv")}
    for code, row in rows.items():
        region, subregion = row["m49_region"], row["m49_subregion"]
        if region and subregion not in M49_REGION.get(region, ()):
            raise ReferenceDataError(f"countries.csv, {code}: {subregion!r} is not an M49 subregion of {region!r}")
    return rows


@functools.cache
def member_state_rows() -> tuple[dict, ...]:
    """The 193 UN Member States: ISO code, admission year, M49 region and subregion."""
    return tuple(
        {
            "code": code,
            "un_member_since": int(row["un_member_since"]),
            "subregion": row["m49_subregion"],
            "region": row["m49_region"],
        }
        for code, row in countries_by_code().items()
        if row["un_member_since"]
    )


def m49_area(code: str) -> tuple[str, str]:
    """(region, subregion) of a country or area by ISO code, or ("", "") when unknown."""
    row = countries_by_code().get(code)
    return (row["m49_region"], row["m49_subregion"]) if row else ("", "")


def _plain(name: str) -> str:
    """A name compared without case, accents, curly apostrophes or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@functools.cache
def _codes_by_plain_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, row in countries_by_code().items():
        for name in (row["name"], row["name_official"]):
            if name:
                names.setdefault(_plain(name), code)
    return names


def country_code_by_name(text: str) -> str:
    """The ISO code of a country named in English, in its short, official or UN form, or ""."""
    return _codes_by_plain_name().get(_plain(text), "")


@functools.cache
def un_entities() -> tuple[dict, ...]:
    """UN entities the registry needs although the documents do not name them."""
    return tuple(
        {"acronym": row["acronym"], "name": row["name"], "kind": row["kind"], "parent": row["parent"] or None}
        for row in read_reference("un-entities.csv")
    )


@functools.cache
def entity_changes() -> dict[str, dict]:
    """Renames and closures, by acronym: whether the entity is active, what it became and when."""
    changes = {}
    for row in read_reference("un-entity-changes.csv"):
        if row["is_active"] not in ("true", "false"):
            raise ReferenceDataError(f"un-entity-changes.csv, {row['acronym']}: is_active must be true or false")
        changes[row["acronym"]] = {
            "is_active": row["is_active"] == "true",
            "successor": row["successor"] or None,
            "succeeded_on": dt.date.fromisoformat(row["succeeded_on"]) if row["succeeded_on"] else None,
        }
    return changes


@functools.cache
def treaty_dates() -> dict[str, dict]:
    return {
        row["short_name"]: {
            "adopted_on": dt.date.fromisoformat(row["adopted_on"]),
            "entry_into_force": dt.date.fromisoformat(row["entry_into_force"]),
        }
        for row in read_reference("treaties.csv")
    }


@functools.cache
def initial_report_days() -> dict[tuple[str, str], int]:
    return {
        (row["treaty"], row["code"]): int(row["initial_report_days"]) for row in read_reference("reporting-obligations.csv")
    }
