"""The sweep reuses the permission matrix: its routes (with the objects each creates) give every
page and write endpoint of the product, so a new route is swept as soon as it has its row.
The `world` fixture they need is the suite's (tests/conftest.py)."""
