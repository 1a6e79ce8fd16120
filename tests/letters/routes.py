from tests.permissions.matrix import PUBLIC, Route

ROUTES = [
    Route("letters:index", PUBLIC),
]
