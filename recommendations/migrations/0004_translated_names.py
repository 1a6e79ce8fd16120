from django.db import migrations, models
from django.db.models import F

# The current (English) value of each translated field, copied into its `_en` column, in the
# records and in their history, as modeltranslation's update_translation_fields command does;
# French and Spanish stay empty (English shown) until load_seed_data fills the official forms.
TRANSLATED = (
    ("recommendations", "Cluster", "name"),
    ("recommendations", "HistoricalCluster", "name"),
    ("recommendations", "Report", "title"),
    ("recommendations", "HistoricalReport", "title"),
)


def copy_into_english(apps, schema_editor):
    for app_label, model_name, field in TRANSLATED:
        apps.get_model(app_label, model_name).objects.update(**{f"{field}_en": F(field)})


class Migration(migrations.Migration):

    dependencies = [
        ('recommendations', '0003_recommendation_recommendation_cluster_status'),
    ]

    operations = [
        migrations.AddField(
            model_name='cluster',
            name='name_en',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='cluster',
            name='name_es',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='cluster',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalcluster',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalcluster',
            name='name_es',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalcluster',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='title_es',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreport',
            name='title_fr',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='report',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='report',
            name='title_es',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='report',
            name='title_fr',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title'),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
