import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Load every view module now rather than on the first request, then move the ~150,000
# objects of a loaded Django process out of the collector's sight: they live as long as the
# process, and a full collection walking them takes ~80 ms, which showed up as the slowest
# API responses under load (docs/benchmarks.md). Forked workers also keep sharing their pages.
get_resolver().url_patterns  # noqa: B018 (imports the URL configuration and its views)
gc.collect()
gc.freeze()
