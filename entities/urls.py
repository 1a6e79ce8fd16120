from django.urls import path

from .views import auth, contacts, security_log

urlpatterns = [
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", auth.two_factor, name="two-factor"),
    path("accounts/audit/", security_log.security_log, name="security-log"),
    # The link of an invitation to sign in (entities.services.contacts.contact_invite).
    path("accounts/set-password/<uidb64>/<token>/", contacts.PasswordSetView.as_view(), name="password-set"),
]
