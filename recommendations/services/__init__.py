"""Writes with rules, called alike by the HTML views, the API, the demo loader and commands."""

from .recommendation_files import (
    RECOMMENDATION_COLUMNS,
    RecommendationImportResult,
    recommendations_export_rows,
    recommendations_import,
)
from .status import recommendation_refresh_status, status_update_check, status_update_post

__all__ = [
    "RECOMMENDATION_COLUMNS",
    "RecommendationImportResult",
    "recommendation_refresh_status",
    "recommendations_export_rows",
    "recommendations_import",
    "status_update_check",
    "status_update_post",
]
