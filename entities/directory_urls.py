from django.urls import path

from .views import contacts, country_names, directory, history, imports

# The worklist of addresses to fix and the invitation to sign in go through the outbox: they are
# letters' views (letters.views.contacts), added to this namespace by config.urls.
urlpatterns = [
    path("", directory.index, name="index"),
    path("entities/", directory.entity_list, name="entity-list"),
    # `path`: some acronyms hold a slash (OSRSG/CAAC).
    path("entities/<path:acronym>/", directory.entity_detail, name="entity-detail"),
    path("states/", directory.state_list, name="state-list"),
    path("states/<str:code>/", directory.state_detail, name="state-detail"),
    path("states/<str:code>/names/", country_names.state_names, name="state-names"),
    path("organisations/", directory.organisation_list, name="organisation-list"),
    path("organisations/<int:pk>/", directory.organisation_detail, name="organisation-detail"),
    path("treaty-parties/import/", imports.treaty_party_import, name="treaty-party-import"),
    path("treaty-parties/import/template.csv", imports.treaty_party_template, name="treaty-party-template"),
    path("history/<str:app_label>/<str:model>/<str:pk>/", history.record_history, name="history"),
    # Contacts (focal points), for staff. "add/" first: an acronym may hold a slash.
    path("contacts/", contacts.contact_list, name="contact-list"),
    path("contacts/export.<str:fmt>", contacts.contact_export, name="contact-export"),
    path("contacts/template.<str:fmt>", contacts.contact_template, name="contact-template"),
    path("contacts/import/", contacts.contact_import, name="contact-import"),
    path("contacts/import/confirm/", contacts.contact_import_confirm, name="contact-import-confirm"),
    path("contacts/states/<str:code>/add/", contacts.state_contact_add, name="state-contact-add"),
    path("contacts/states/<str:code>/", contacts.state_contacts, name="state-contacts"),
    path("contacts/entities/<path:acronym>/add/", contacts.entity_contact_add, name="entity-contact-add"),
    path("contacts/entities/<path:acronym>/", contacts.entity_contacts, name="entity-contacts"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact-detail"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact-edit"),
    path("contacts/<int:pk>/activation/", contacts.contact_activation, name="contact-activation"),
]
