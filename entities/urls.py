from django.urls import path

from .views import auth, security_log

urlpatterns = [
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", auth.two_factor, name="two-factor"),
    path("accounts/audit/", security_log.security_log, name="security-log"),
]
