"""HTML views of the Platform for Partnerships; thin: selectors read, services write."""
