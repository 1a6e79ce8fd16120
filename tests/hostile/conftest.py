"""The hostile crawl reuses the permission matrix: its rows (tests/<app>/routes.py) give every
named route with the objects it needs, so a new route is crawled as soon as it has its row.
The `world` fixture they need is the suite's (tests/conftest.py)."""
