"""How staff sign in, and what keeps everyone else out of the admin.

- Lockout (django-axes): 5 failed sign-ins for one user name from one address lock that pair
  for 15 minutes; separately, 20 failures from one address, whatever the user names, lock the
  address for 15 minutes (axes compares a single limit per parameter set, so this second rule
  is `SigninHandler.is_locked`'s own). Names that do not exist are counted like real ones and
  the Polish message is the same, so it never tells whether an account exists. Superusers
  unlock by deleting the attempt in the admin ("Próby dostępu").
- The client's address is REMOTE_ADDR, or the one `TRUSTED_PROXY_COUNT` proxies in front of
  the site put into X-Forwarded-For (each appends the address it saw; the rest of the header
  is the client's to forge).
- Two-factor (django-two-factor-auth on django-otp): a TOTP app, enrolled at the first sign-in
  with a QR code, then ten one-time recovery codes. With `REQUIRE_2FA` on, every staff member
  must have it before the admin opens; off (the default), staff without a device sign in with
  their password, so `make run` stays one step. A code is accepted at most one 30-second step
  off and never twice (django-otp keeps the last step used; setting up uses the first code up).
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.i18n import JavaScriptCatalog
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor import forms as two_factor_forms
from two_factor import views as two_factor_views
from two_factor.plugins.registry import GeneratorMethod, registry
from two_factor.utils import default_device, get_otpauth_url, totp_digits

ISSUER = "CUS Tarnów"
COOL_OFF = timedelta(minutes=15)
ADDRESS_FAILURE_LIMIT = 20
RECOVERY_CODES = 10


def client_ip(request):
    """The client's address (AXES_CLIENT_IP_CALLABLE): behind N trusted proxies, the N-th
    address from the right of X-Forwarded-For; otherwise the connection's own."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        hops = [hop.strip() for hop in forwarded if hop.strip()]
        if len(hops) >= count:
            try:
                return str(ipaddress.ip_address(hops[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR", "")


def username_of(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the name typed into the sign-in form (its field is
    `auth-username` in the two-factor wizard), lower-cased so "Admin" and "admin" are one."""
    name = credentials.get("username") if credentials else request.POST.get("auth-username")
    return (name or "").strip().lower()


class SigninHandler(AxesDatabaseHandler):
    """Axes's database handler, plus the limit for one address trying many user names."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or address_is_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # Axes decides "locked out" from the failing user name's own count; the address's
        # limit has to be said again, or the refusal would show as a wrong password.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and address_is_locked(request):
            request.axes_locked_out = True


def address_is_locked(request):
    return address_failures(request) >= ADDRESS_FAILURE_LIMIT


def address_failures(request):
    since = timezone.now() - COOL_OFF
    attempts = AccessAttempt.objects.filter(ip_address=client_ip(request), attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a Polish page (status 429) saying when to try again; the same
    for every user name, existing or not."""
    until = timezone.localtime() + COOL_OFF
    response = render(
        request,
        "registration/locked_out.html",
        {
            "until": until,
            "minutes": int(COOL_OFF.total_seconds() // 60),
            **admin.site.each_context(request),
        },
        status=429,
    )
    response["Retry-After"] = str(int(COOL_OFF.total_seconds()))
    return response


# The sign-in libraries' screens (superusers only) by Polish names in the admin's menu: django-otp
# has no catalogue and names its apps and models in English, django-axes's Polish catalogue
# lacks "access failures". By app label: the app's name and its models' by class name.
LIBRARY_NAMES = {
    "axes": (_("Blokady logowania"), {"AccessFailureLog": _("Nieudane logowania")}),
    "otp_static": (
        _("Logowanie dwuetapowe: kody zapasowe"),
        {"StaticDevice": _("Kody zapasowe")},
    ),
    "otp_totp": (
        _("Logowanie dwuetapowe: aplikacje"),
        {"TOTPDevice": _("Aplikacje uwierzytelniające")},
    ),
}


class AdminSite(admin.AdminSite):
    """The admin, which with REQUIRE_2FA on opens only to staff verified by a second factor."""

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            name, models = LIBRARY_NAMES.get(app["app_label"], (app["name"], {}))
            app["name"] = name
            for model in app["models"]:
                model["name"] = models.get(model["object_name"], model["name"])
        return sorted(apps, key=lambda app: str(app["name"]).lower())

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.REQUIRE_2FA or request.user.is_verified()

    def index(self, request, extra_context=None):
        """The front page with what needs doing (pages.dashboard) above the list of models."""
        from pages.dashboard import dashboard

        extra_context = {"dashboard": dashboard(request.user), **(extra_context or {})}
        return super().index(request, extra_context)

    def i18n_javascript(self, request, extra_context=None):
        """The admin's catalogue for scripts, with the prose editor's (its dialogs' texts)."""
        packages = ["django.contrib.admin", "django_prose_editor"]
        return JavaScriptCatalog.as_view(packages=packages)(request)


class AdminContextMixin:
    """The admin's header and titles on the sign-in pages, which extend the admin's layout."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        return {**admin.site.each_context(self.request), **context}


def needs_enrolment(user):
    return settings.REQUIRE_2FA and user.is_authenticated and not default_device(user)


# Forms with Polish labels and messages (the shipped catalogue says "Token" and "Porzuć").


class TokenForm(two_factor_forms.AuthenticationTokenForm):
    otp_token = forms.RegexField(
        label=_("Kod z aplikacji"),
        regex=r"^[0-9]*$",
        min_length=totp_digits(),
        max_length=totp_digits(),
        help_text=_("Sześć cyfr, które teraz pokazuje aplikacja uwierzytelniająca."),
        error_messages={
            "invalid": _("Kod to sześć cyfr."),
            "min_length": _("Kod to sześć cyfr."),
            "max_length": _("Kod to sześć cyfr."),
        },
    )
    otp_token.widget.attrs.update(
        {"autofocus": "autofocus", "inputmode": "numeric", "autocomplete": "one-time-code"}
    )
    otp_error_messages = {
        **two_factor_forms.AuthenticationTokenForm.otp_error_messages,
        "token_required": _("Wpisz kod z aplikacji."),
        "invalid_token": _(
            "Ten kod jest nieprawidłowy albo został już użyty. Wpisz kod, który aplikacja "
            "pokazuje teraz."
        ),
        "n_failed_attempts": _(
            "Po kilku błędnych kodach sprawdzanie jest wstrzymane na chwilę. Odczekaj pół "
            "minuty i wpisz nowy kod."
        ),
        "verification_not_allowed": _("Sprawdzanie kodu jest na chwilę wstrzymane."),
    }


class RecoveryCodeForm(two_factor_forms.BackupTokenForm):
    otp_token = forms.CharField(
        label=_("Kod zapasowy"),
        help_text=_("Jeden z kodów zapisanych przy włączaniu weryfikacji; każdy działa raz."),
    )
    otp_error_messages = TokenForm.otp_error_messages


class NewDeviceForm(two_factor_forms.TOTPDeviceForm):
    token = forms.IntegerField(
        label=_("Kod z aplikacji"),
        min_value=0,
        max_value=int("9" * totp_digits()),
        error_messages={"invalid": _("Kod to sześć cyfr.")},
    )
    token.widget.attrs.update(
        {"autofocus": "autofocus", "inputmode": "numeric", "autocomplete": "one-time-code"}
    )
    error_messages = {
        "invalid_token": _(
            "Ten kod się nie zgadza. Sprawdź, czy zegar telefonu jest ustawiony automatycznie, "
            "i wpisz kod, który aplikacja pokazuje teraz."
        )
    }

    def save(self):
        device = super().save()
        # The code that proved the set-up is used up: it cannot sign in a second time.
        device.verify_token(self.cleaned_data["token"])
        return device


class LoginView(AdminContextMixin, two_factor_views.LoginView):
    form_list = (
        (two_factor_views.LoginView.AUTH_STEP, two_factor_views.LoginView.form_list[0][1]),
        (two_factor_views.LoginView.TOKEN_STEP, TokenForm),
        (two_factor_views.LoginView.BACKUP_STEP, RecoveryCodeForm),
    )

    def dispatch(self, request, *args, **kwargs):
        if needs_enrolment(request.user) and request.user.is_staff:
            return redirect_to_setup(request, self.get_redirect_url())
        return super().dispatch(request, *args, **kwargs)

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        if needs_enrolment(self.request.user):
            return redirect_to_setup(self.request, self.get_redirect_url())
        return response


def redirect_to_setup(request, next_url):
    request.session["next"] = next_url or reverse("admin:index")
    return redirect("two_factor:setup")


class AuthenticatorApp(GeneratorMethod):
    """two-factor's TOTP method with the forms above (registered by cus_site.apps)."""

    def recognize_device(self, device):
        return isinstance(device, TOTPDevice)

    def get_setup_forms(self, *args):
        return {"generator": NewDeviceForm}

    def get_token_form_class(self):
        return TokenForm


def use_polish_forms():
    registry.unregister(AuthenticatorApp.code)
    registry.register(AuthenticatorApp())


class SetupView(AdminContextMixin, two_factor_views.SetupView):
    def get_success_url(self):
        return reverse("two_factor:setup_complete")

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        if "secret_key" in context:
            context["otpauth_url"] = get_otpauth_url(
                self.request.user.get_username(), context["secret_key"], ISSUER
            )
        return context


class BackupTokensView(AdminContextMixin, two_factor_views.BackupTokensView):
    pass


class ProfileView(AdminContextMixin, two_factor_views.ProfileView):
    pass


class DisableView(AdminContextMixin, two_factor_views.DisableView):
    pass


class QRGeneratorView(two_factor_views.QRGeneratorView):
    def get_issuer(self):
        return ISSUER


@never_cache
def setup_complete(request):
    """After enrolment: the one-time recovery codes, made now and shown with what to do with
    them, then on to where the staff member was going."""
    if not request.user.is_verified():
        return redirect("two_factor:setup")
    device, _created = request.user.staticdevice_set.get_or_create(name="backup")
    if not device.token_set.exists():
        for _number in range(RECOVERY_CODES):
            device.token_set.create(token=StaticToken.random_token())
    return render(
        request,
        "two_factor/core/setup_complete.html",
        {
            "codes": [token.token for token in device.token_set.all()],
            "next_url": request.session.pop("next", None) or reverse("admin:index"),
            **admin.site.each_context(request),
        },
    )


urlpatterns = (
    [
        path("login/", LoginView.as_view(), name="login"),
        path("weryfikacja/", SetupView.as_view(), name="setup"),
        path("weryfikacja/kod-qr/", QRGeneratorView.as_view(), name="qr"),
        path("weryfikacja/gotowe/", setup_complete, name="setup_complete"),
        path(
            "weryfikacja/kody-zapasowe/",
            BackupTokensView.as_view(),
            name="backup_tokens",
        ),
        path("weryfikacja/konto/", ProfileView.as_view(), name="profile"),
        path("weryfikacja/wylacz/", DisableView.as_view(), name="disable"),
    ],
    "two_factor",
)
