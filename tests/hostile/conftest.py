"""The hostile crawl reuses the permission matrix: its rows (tests/<app>/routes.py) give every
named route with the objects it needs, so a new route is crawled as soon as it has its row."""

from tests.permissions.test_matrix import world  # noqa: F401 (fixture)
