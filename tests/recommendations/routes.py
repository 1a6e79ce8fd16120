from tests.permissions.matrix import PUBLIC, Route

ROUTES = [
    Route("recommendations:index", PUBLIC),
]
