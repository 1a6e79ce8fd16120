"""The Celery app. Settings come from Django's (CELERY_* names); tasks live in each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# DjangoTask gives every task `delay_on_commit()`: a service queues its task once the
# transaction that wrote the rows commits, so a worker never reads rows that are not there yet
# (or that a rollback removed).
app = Celery("coordination_tracker", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
