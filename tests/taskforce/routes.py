from tests.permissions.matrix import PUBLIC, Route

ROUTES = [
    Route("taskforce:index", PUBLIC),
]
