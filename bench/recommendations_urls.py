"""The app's URLs plus /bench/recommendations/, the hand-written single-query reference view."""

from django.urls import path

from config.urls import *
from config.urls import urlpatterns as app_urlpatterns

from .recommendations_reference import reference_list

urlpatterns = [path("bench/recommendations/", reference_list, name="bench-recommendations"), *app_urlpatterns]
