from tests.e2e.fixtures import served_app  # noqa: F401 (fixture: its own server and database)
