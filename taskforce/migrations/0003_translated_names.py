from django.db import migrations, models
from django.db.models import F

# The current (English) value of each translated field, copied into its `_en` column, in the
# records and in their history, as modeltranslation's update_translation_fields command does;
# French and Spanish stay empty (English shown) until load_seed_data fills the official forms.
TRANSLATED = (
    ("taskforce", "Mechanism", "name"),
    ("taskforce", "HistoricalMechanism", "name"),
    ("taskforce", "Declaration", "name"),
    ("taskforce", "HistoricalDeclaration", "name"),
)


def copy_into_english(apps, schema_editor):
    for app_label, model_name, field in TRANSLATED:
        apps.get_model(app_label, model_name).objects.update(**{f"{field}_en": F(field)})


class Migration(migrations.Migration):

    dependencies = [
        ('taskforce', '0002_survey_question_capability_kind'),
    ]

    operations = [
        migrations.AddField(
            model_name='declaration',
            name='name_en',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='declaration',
            name='name_es',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='declaration',
            name='name_fr',
            field=models.CharField(max_length=300, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaldeclaration',
            name='name_en',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaldeclaration',
            name='name_es',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaldeclaration',
            name='name_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalmechanism',
            name='name_en',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalmechanism',
            name='name_es',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalmechanism',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='mechanism',
            name='name_en',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='mechanism',
            name='name_es',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='mechanism',
            name='name_fr',
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name='name'),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
