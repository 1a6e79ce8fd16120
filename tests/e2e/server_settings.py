"""Settings for the app served to the browser journeys, the API fuzzing and the load benchmark.

Production settings (DEBUG off, manifest static files, strict CSP, secure headers), except what
plain HTTP on loopback cannot carry: cookies marked Secure and the redirect to HTTPS.
"""

import os
from pathlib import Path

from config.settings import *

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
STATIC_ROOT = Path(os.environ["SERVED_STATIC_ROOT"])
