"""UserRole keeps the kind only; a focal point's State or entity is read from its FocalPoint.

Reversible: going back copies each focal-point login's binding from its FocalPoint into the
restored columns before the old check constraint comes back.
"""

from django.db import migrations


def restore_role_binding(apps, schema_editor):
    UserRole = apps.get_model("entities", "UserRole")
    FocalPoint = apps.get_model("entities", "FocalPoint")
    contacts = {fp.user_id: fp for fp in FocalPoint.objects.filter(user__isnull=False)}
    for role in UserRole.objects.all():
        contact = contacts.get(role.user_id)
        if role.kind == "state_focal_point" and contact is not None and contact.state_id:
            role.state_id = contact.state_id
        elif role.kind == "entity_focal_point" and contact is not None and contact.entity_id:
            role.entity_id = contact.entity_id
        else:
            continue
        role.save(update_fields=["state", "entity"])
    if schema_editor.connection.vendor == "postgresql":
        # The check constraint is added next in this transaction: run the deferred FK checks now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ("entities", "0004_focalpoint_receives_letters_binding"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="userrole",
            name="user_role_binding_matches_kind",
        ),
        migrations.RunPython(migrations.RunPython.noop, restore_role_binding),
        migrations.RemoveField(
            model_name="historicaluserrole",
            name="entity",
        ),
        migrations.RemoveField(
            model_name="historicaluserrole",
            name="state",
        ),
        migrations.RemoveField(
            model_name="userrole",
            name="entity",
        ),
        migrations.RemoveField(
            model_name="userrole",
            name="state",
        ),
    ]
