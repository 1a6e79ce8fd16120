"""Settings for the recommendations benchmark: the app's own settings plus the reference view."""

from config.settings import *

ROOT_URLCONF = "bench.recommendations_urls"
