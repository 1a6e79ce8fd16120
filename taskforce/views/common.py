from config.ui import apply_errors, paginate, signed_in
from entities.access import actor_for

__all__ = ["actor_of", "apply_errors", "paginate", "signed_in"]


def actor_of(request):
    return actor_for(request.user)
