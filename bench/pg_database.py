"""The benchmarks' own PostgreSQL databases, kept apart from the app's."""

from urllib.parse import urlparse


def ensure_database(url: str) -> None:
    """Creates the database named by `url` if it does not exist yet (its data is kept: a second
    run of a benchmark reuses what the first one filled)."""
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
