from config.ui import apply_errors, paginate, signed_in
from letters.access import can_manage_letters

__all__ = ["apply_errors", "paginate", "signed_in", "staff_required"]

# Anonymous visitors go to the sign-in page; signed-in non-staff get 403.
staff_required = signed_in(can_manage_letters)
