"""HTML views: list, detail, status updates, dashboard, import and export."""

from .browse import detail, index
from .dashboard import dashboard
from .files import export, import_file, import_template
from .status import action_status

__all__ = ["action_status", "dashboard", "detail", "export", "import_file", "import_template", "index"]
