from config.ui import apply_errors, paginate, signed_in

__all__ = ["apply_errors", "paginate", "signed_in"]
