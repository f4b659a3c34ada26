"""The staff's password reset: Django's views in the admin's layout, at Polish addresses.

The e-mail goes to the address on the account; the form says the same whether or not such an
account exists. A new password follows the validators (12 characters or more) and does not
sign anyone in: the sign-in, with its second factor, comes after.
"""

from django.contrib.auth import views
from django.urls import path

from cus_site.signin import AdminContextMixin


class PasswordResetView(AdminContextMixin, views.PasswordResetView):
    pass


class PasswordResetDoneView(AdminContextMixin, views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminContextMixin, views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(AdminContextMixin, views.PasswordResetCompleteView):
    pass


urlpatterns = [
    path("", PasswordResetView.as_view(), name="admin_password_reset"),
    path("wyslano/", PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "nowe/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("zmienione/", PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
