from tests.permissions.matrix import PUBLIC, Route, expect

ROUTES = [
    Route("home", PUBLIC),
    Route("healthz", PUBLIC),
    Route("readyz", PUBLIC),
    Route("login", expect(PUBLIC, isu_staff=302, state_a=302, state_b=302, entity_fp=302)),
    Route("logout", expect(PUBLIC, anonymous=302, isu_staff=302, state_a=302, state_b=302, entity_fp=302, api_token=302), method="post"),
    Route("two-factor", expect(PUBLIC, anonymous=302, api_token=302)),
    Route("entities:entity-list", PUBLIC),
    Route("entities:entity-detail", PUBLIC, args=lambda w: {"acronym": w.entity.acronym}),
    Route("entities:state-list", PUBLIC),
    Route("entities:state-detail", PUBLIC, args=lambda w: {"code": w.state_a.code.code}),
]
