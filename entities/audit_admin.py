"""Read-only admin for the security log (registered from EntitiesConfig.ready)."""

from django.contrib import admin

from .models import SecurityEvent


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    list_display = ("at", "kind", "username", "ip_address", "method", "path", "status", "detail")
    list_filter = ("kind", "status", "at")
    search_fields = ("username", "ip_address", "path", "detail")
    date_hierarchy = "at"
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
