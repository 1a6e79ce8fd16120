from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters and reporting")

    def ready(self):
        # A State's API page shows its deadlines under the Convention, which letters computes; the
        # registry (entities) does not import other apps, so letters puts its serializer in place.
        from entities.api.views import StateViewSet
        from letters.api.serializers import StateDetailSerializer

        StateViewSet.detail_serializer_class = StateDetailSerializer
