"""Region and sub-region names of UN M49 in the reader's language.

`State.region`, `State.subregion` and an offer's `target_region` store the English M49 name
(data/reference/countries.csv): it stays the key that filters and matching compare. What a
reader sees is the name the United Nations Statistics Division publishes for M49 in French and
Spanish ("Afrique"/"África", "Asie du Sud"/"Asia meridional"), through the catalogues
(locale/src/names.json). Every page and pick list shows a region through `region_name`.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

from .seed.reference import REGIONS

# The English names, marked so that `make messages` extracts them.
M49_NAMES = frozenset({
    gettext_noop("Africa"), gettext_noop("Americas"), gettext_noop("Asia"), gettext_noop("Europe"),
    gettext_noop("Oceania"),
    gettext_noop("Eastern Africa"), gettext_noop("Middle Africa"), gettext_noop("Northern Africa"),
    gettext_noop("Southern Africa"), gettext_noop("Western Africa"),
    gettext_noop("Caribbean"), gettext_noop("Central America"), gettext_noop("South America"),
    gettext_noop("Northern America"),
    gettext_noop("Central Asia"), gettext_noop("Eastern Asia"), gettext_noop("South-eastern Asia"),
    gettext_noop("Southern Asia"), gettext_noop("Western Asia"),
    gettext_noop("Eastern Europe"), gettext_noop("Northern Europe"), gettext_noop("Southern Europe"),
    gettext_noop("Western Europe"),
    gettext_noop("Australia and New Zealand"), gettext_noop("Melanesia"), gettext_noop("Micronesia"),
    gettext_noop("Polynesia"),
})


def region_name(value: str) -> str:
    """The M49 region or sub-region stored as `value`, in the active language; anything else
    (a value typed before the list existed) as it is."""
    return gettext(value) if value in M49_NAMES else value


region_name_lazy = lazy(region_name, str)


def region_choices(values=REGIONS) -> list[tuple[str, str]]:
    """(stored value, name in the language active when the list is drawn), for pick lists."""
    return [(value, region_name_lazy(value)) for value in values]
