import datetime as dt

from django.conf import settings

from config.celery import app
from letters.models import Letter


def test_beat_runs_the_scheduling_step_daily_and_resumes_stalled_letters():
    app.loader.import_default_modules()
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"letters.tasks.letters_schedule_today", "letters.tasks.letters_resume_stalled"} <= tasks
    assert tasks <= set(app.tasks)


def test_daily_task_runs_the_same_step_as_the_command(convention, time_machine, settings):
    from letters.tasks import letters_schedule_today

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(dt.datetime(2027, 3, 1, 5, 0, tzinfo=dt.UTC))
    letters_schedule_today.apply()
    assert Letter.objects.filter(stage="reminder-60", period=2026).count() == 4
