"""The staff's password reset: Django's views in the admin's layout, at Polish addresses.

The e-mail goes to the address on the account; the form says the same whether or not such an
account exists. A new password follows the validators (12 characters or more) and does not
sign anyone in: the sign-in, with its second factor, comes after. One address may ask
`RESETS_PER_HOUR` times an hour (a 429 page in Polish after that), so the form can neither
flood an inbox nor be used to probe for accounts at speed.
"""

from django.contrib import admin
from django.contrib.auth import views
from django.core.cache import cache
from django.shortcuts import render
from django.urls import path

from cus_site.signin import AdminContextMixin, client_ip

RESETS_PER_HOUR = 5
HOUR = 60 * 60


def too_many_resets(request):
    """Counts this request against its address's hour; counted in the default cache (shared
    by every worker when REDIS_URL is set, per worker process otherwise)."""
    key = f"password-reset:{client_ip(request)}"
    cache.add(key, 0, timeout=HOUR)
    try:
        return cache.incr(key) > RESETS_PER_HOUR
    except ValueError:  # the count expired between the two calls
        return False


def resets_paused(request):
    response = render(
        request, "registration/reset_paused.html", admin.site.each_context(request), status=429
    )
    response["Retry-After"] = str(HOUR)
    return response


class PasswordResetView(AdminContextMixin, views.PasswordResetView):
    def post(self, request, *args, **kwargs):
        if too_many_resets(request):
            return resets_paused(request)
        return super().post(request, *args, **kwargs)


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
