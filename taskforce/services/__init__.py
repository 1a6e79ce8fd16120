"""Writes with rules, called alike by staff views, the API and tasks. Import from the submodule."""
