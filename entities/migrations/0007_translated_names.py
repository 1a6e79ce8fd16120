from django.db import migrations, models
from django.db.models import F

# The current (English) value of each translated field, copied into its `_en` column, in the
# records and in their history, as modeltranslation's update_translation_fields command does;
# French and Spanish stay empty (English shown) until load_seed_data fills the official forms.
TRANSLATED = (
    ("entities", "Treaty", "name"),
    ("entities", "HistoricalTreaty", "name"),
    ("entities", "ReportingObligation", "name"),
    ("entities", "HistoricalReportingObligation", "name"),
    ("entities", "Entity", "name"),
    ("entities", "HistoricalEntity", "name"),
    ("entities", "Organisation", "name"),
    ("entities", "HistoricalOrganisation", "name"),
    ("entities", "AddresseeGroup", "name"),
    ("entities", "HistoricalAddresseeGroup", "name"),
)


def copy_into_english(apps, schema_editor):
    for app_label, model_name, field in TRANSLATED:
        apps.get_model(app_label, model_name).objects.update(**{f"{field}_en": F(field)})


class Migration(migrations.Migration):

    dependencies = [
        ('entities', '0006_submission_keys'),
    ]

    operations = [
        migrations.AddField(
            model_name='addresseegroup',
            name='name_en',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='addresseegroup',
            name='name_es',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='addresseegroup',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='entity',
            name='name_en',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='entity',
            name='name_es',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='entity',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='historicaladdresseegroup',
            name='name_en',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaladdresseegroup',
            name='name_es',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaladdresseegroup',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalentity',
            name='name_en',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='historicalentity',
            name='name_es',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='historicalentity',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, verbose_name='full name'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_en',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_es',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalreportingobligation',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalreportingobligation',
            name='name_es',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalreportingobligation',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltreaty',
            name='name_en',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltreaty',
            name='name_es',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltreaty',
            name='name_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_en',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_es',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='reportingobligation',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='reportingobligation',
            name='name_es',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='reportingobligation',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='treaty',
            name='name_en',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='treaty',
            name='name_es',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='treaty',
            name='name_fr',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
