from tests.permissions.matrix import STAFF_HTML, Route

# Sign-in, sign-out and the two-factor step are listed in tests/entities/routes.py.
ROUTES = [
    Route("security-log", STAFF_HTML),
]
