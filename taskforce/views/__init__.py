"""HTML views of the task-force pages; thin: selectors read, services write."""
