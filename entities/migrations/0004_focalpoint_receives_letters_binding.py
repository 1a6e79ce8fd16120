"""Contacts: `receives_letters`, and the FocalPoint becomes the one record of a focal point's
State or entity.

Every focal-point login gets a linked FocalPoint bound to what its UserRole was bound to, so
nobody's access changes when 0005 drops UserRole.state/entity:
- a login without a contact record gets one, with `receives_letters` off (it received no
  letters before, and still does not);
- a login whose contact record was bound elsewhere keeps that record as a contact without a
  login (letters unchanged) and gets a new record bound to where it had access.
"""

from django.db import migrations, models

STATE_FOCAL_POINT = "state_focal_point"
ENTITY_FOCAL_POINT = "entity_focal_point"


def bind_logins_to_contacts(apps, schema_editor):
    UserRole = apps.get_model("entities", "UserRole")
    FocalPoint = apps.get_model("entities", "FocalPoint")
    roles = UserRole.objects.filter(kind__in=[STATE_FOCAL_POINT, ENTITY_FOCAL_POINT]).select_related("user")
    for role in roles:
        state_id = role.state_id if role.kind == STATE_FOCAL_POINT else None
        entity_id = role.entity_id if role.kind == ENTITY_FOCAL_POINT else None
        if state_id is None and entity_id is None:
            continue  # the old check constraint made this impossible
        contact = FocalPoint.objects.filter(user_id=role.user_id).first()
        if contact is not None and (contact.state_id, contact.entity_id) == (state_id, entity_id):
            continue
        if contact is not None:
            contact.user_id = None
            contact.save(update_fields=["user"])
        user = role.user
        FocalPoint.objects.create(
            name=(f"{user.first_name} {user.last_name}".strip() or user.username)[:200],
            email=user.email, user_id=user.pk, state_id=state_id, entity_id=entity_id,
            receives_letters=False, is_active=user.is_active,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("entities", "0003_entityname_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="focalpoint",
            name="receives_letters",
            field=models.BooleanField(
                default=True, help_text="Letters and notifications to the State or entity are sent to this person.",
                verbose_name="receives letters",
            ),
        ),
        migrations.AddField(
            model_name="historicalfocalpoint",
            name="receives_letters",
            field=models.BooleanField(
                default=True, help_text="Letters and notifications to the State or entity are sent to this person.",
                verbose_name="receives letters",
            ),
        ),
        migrations.RunPython(bind_logins_to_contacts, migrations.RunPython.noop),
    ]
