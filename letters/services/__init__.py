"""Write services of the letters app. Import from the submodule (`letters.services.outbox`...)."""
