"""The sweep reuses the permission matrix: its routes (with the objects each creates) give every
page and write endpoint of the product, so a new route is swept as soon as it has its row."""

from tests.permissions.test_matrix import world  # noqa: F401 (fixture)
