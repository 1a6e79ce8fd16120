from tests.permissions.matrix import PUBLIC, Route

ROUTES = [
    Route("partnerships:index", PUBLIC),
]
