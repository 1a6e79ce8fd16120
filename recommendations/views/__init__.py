"""HTML views: list, detail, status updates, dashboard, import and export."""

from .browse import detail, index
from .dashboard import dashboard
from .status import action_status
from .transfer import export, import_file, import_template

__all__ = ["action_status", "dashboard", "detail", "export", "import_file", "import_template", "index"]
