"""Country names with their grammar, in the active language (entities.countries).

    {{ state|le }}       le Mexique, la France, les Pays-Bas, l'Ouganda, Cuba; el Perú, México
    {{ state|de }}       du Mexique, de la France, des Pays-Bas, de l'Ouganda, de Cuba; del Perú
    {{ state|a }}        au Mexique, à la France, aux Pays-Bas, à l'Ouganda, à Cuba; al Perú
    {{ state|Le }}, {{ state|De }}, {{ state|A }}   the same, capitalised to start a sentence
    {{ state|pronoun }}  il, elle, ils, elles (French); "it" in English
    {{ state|agree:"est,est,sont,sont" }}   the form that agrees: masculine singular, feminine
                         singular, masculine plural, feminine plural; or "singular,plural"

English returns the plain name ("of Mexico", "of the Netherlands (Kingdom of the)").

The value may be a State, an ISO code, or a country's name. The letter renderer
(letters.services.rendering) renders a template once for many States: there the value is a
`StatePlaceholder` and each filter returns a marker that the renderer replaces per State.
"""

from django import template
from django.utils import translation

from entities.countries import country_forms

register = template.Library()

CONSTRUCTIONS = ("le", "de", "a", "Le", "De", "A", "pronoun", "agree")


class StatePlaceholder:
    """Stands for "each State" while a letter template is rendered once for many of them."""

    MARK = "\x00state{}\x00"

    def __str__(self) -> str:
        return self.MARK.format("")

    def marker(self, construction: str, argument: str = "") -> str:
        return self.MARK.format(f"|{construction}|{argument}")


def _form(value, construction: str, argument: str = "") -> str:
    if isinstance(value, StatePlaceholder):
        return value.marker(construction, argument)
    if value is None or value == "":
        return ""
    return country_forms(value, translation.get_language()).form(construction, argument)


@register.filter(name="le")
def le(value) -> str:
    return _form(value, "le")


@register.filter(name="de")
def de(value) -> str:
    return _form(value, "de")


@register.filter(name="a")
def a(value) -> str:
    return _form(value, "a")


@register.filter(name="Le")
def le_capitalised(value) -> str:
    return _form(value, "Le")


@register.filter(name="De")
def de_capitalised(value) -> str:
    return _form(value, "De")


@register.filter(name="A")
def a_capitalised(value) -> str:
    return _form(value, "A")


@register.filter
def pronoun(value) -> str:
    return _form(value, "pronoun")


@register.filter
def agree(value, forms: str = "") -> str:
    return _form(value, "agree", str(forms))
