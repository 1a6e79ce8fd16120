"""Admin for the registry; every change keeps its history (SimpleHistoryAdmin), and translated
names show one box per language (TranslationAdmin, see entities/translation.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AddresseeGroup,
    Entity,
    EntityName,
    FocalPoint,
    Organisation,
    ReportingObligation,
    State,
    Treaty,
    TreatyParty,
    UserRole,
)


class EntityNameInline(admin.TabularInline):
    model = EntityName
    extra = 0


@admin.register(Entity)
class EntityAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("acronym", "name", "kind", "parent", "is_active", "successor", "succeeded_on")
    list_filter = ("kind", "is_active")
    search_fields = ("acronym", "name", "names__name")
    list_select_related = ("parent", "successor")
    autocomplete_fields = ("parent", "successor")
    inlines = (EntityNameInline,)


@admin.register(EntityName)
class EntityNameAdmin(SimpleHistoryAdmin):
    list_display = ("name", "entity")
    search_fields = ("name", "entity__acronym", "entity__name")
    list_filter = ("entity__kind",)
    list_select_related = ("entity",)
    autocomplete_fields = ("entity",)


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_display", "is_un_member", "un_member_since", "region", "subregion")
    list_filter = ("is_un_member", "region", "subregion")
    search_fields = ("code",)

    @admin.display(description=_("name"))
    def name_display(self, state: State) -> str:
        return state.name

    def get_search_results(self, request, queryset, search_term):
        # Names come from django-countries, not the database: match them in Python.
        from .filters import country_codes_matching

        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            results = results | queryset.filter(code__in=country_codes_matching(search_term))
        return results, may_have_duplicates


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("name", "acronym", "kind", "website")
    list_filter = ("kind",)
    search_fields = ("name", "acronym")


@admin.register(AddresseeGroup)
class AddresseeGroupAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("name", "slug", "entity")
    list_filter = ("entity",)
    search_fields = ("name", "slug", "description")
    list_select_related = ("entity",)
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012 (Django reads it as a dict)


class ReportingObligationInline(TranslationTabularInline):
    model = ReportingObligation
    extra = 0


@admin.register(Treaty)
class TreatyAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("short_name", "name", "adopted_on", "entry_into_force")
    search_fields = ("short_name", "name")
    list_filter = ("entry_into_force",)
    inlines = (ReportingObligationInline,)


@admin.register(TreatyParty)
class TreatyPartyAdmin(SimpleHistoryAdmin):
    list_display = ("state", "treaty", "consent_to_be_bound", "entry_into_force", "is_demo")
    list_filter = ("treaty", "is_demo", "state__region")
    search_fields = ("state__code", "treaty__short_name")
    list_select_related = ("state", "treaty")
    autocomplete_fields = ("state",)
    date_hierarchy = "consent_to_be_bound"


@admin.register(ReportingObligation)
class ReportingObligationAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("treaty", "code", "name", "article", "initial_report_days", "annual_due_month", "annual_due_day")
    list_filter = ("treaty",)
    search_fields = ("code", "name", "article")
    list_select_related = ("treaty",)


@admin.register(FocalPoint)
class FocalPointAdmin(SimpleHistoryAdmin):
    list_display = ("name", "title", "email", "state", "entity", "language", "is_active", "receives_letters", "user")
    list_filter = ("language", "is_active", "receives_letters", "entity__kind", "state__region")
    search_fields = ("name", "title", "email", "phone", "entity__acronym", "state__code")
    list_select_related = ("state", "entity", "user")
    autocomplete_fields = ("state", "entity", "user")


@admin.register(UserRole)
class UserRoleAdmin(SimpleHistoryAdmin):
    """The kind only: a focal point's State or entity is on its contact record (FocalPoint)."""

    list_display = ("user", "kind", "bound_to")
    list_filter = ("kind",)
    search_fields = ("user__username", "user__email", "user__focal_point__entity__acronym", "user__focal_point__state__code")
    list_select_related = ("user__focal_point__state", "user__focal_point__entity")
    autocomplete_fields = ("user",)

    @admin.display(description=_("bound to"))
    def bound_to(self, role: UserRole):
        focal_point = getattr(role.user, "focal_point", None)
        return focal_point.bound_to if focal_point else "—"
