"""What the admin of every model with a main photo (`images.CoverImage`) shares."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from cus_site import images


def cover_fieldset():
    """The main photo's fieldset, new for each admin: modeltranslation's admin rewrites the
    field lists of its fieldsets in place."""
    fields = [
        "cover",
        "cover_on_site",
        "cover_alt",
        "cover_decorative",
        "cover_shows_people",
        "cover_consent",
    ]
    return (_("Zdjęcie główne"), {"fields": fields})


def visibility(picture):
    """For the admin: whether the public sees a photo, and if not, why."""
    if not picture.file:
        return "–"
    return _("tak") if picture.is_public else _("nie: %(reason)s") % {"reason": picture.why_hidden}


class CoverImageAdminMixin:
    """Shows whether the main photo is on the site, makes its renditions on saving (so the first
    resident to open the page does not wait) and warns when a photo will stay hidden. Put
    `cover_fieldset()` in the admin's fieldsets."""

    readonly_fields = ["cover_on_site"]

    @admin.display(description=_("widoczne na stronie"))
    def cover_on_site(self, obj):
        return visibility(obj.cover_picture)

    def pictures(self, obj):
        """The photos to make renditions of and warn about; an admin with a gallery adds its."""
        return [obj.cover_picture]

    def hidden_warning(self, hidden):
        return _("Zdjęcie główne nie pojawi się na stronie: %(reason)s.") % {
            "reason": hidden[0].why_hidden
        }

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pictures = self.pictures(form.instance)
        for picture in pictures:
            images.make_renditions(picture)
        hidden = [picture for picture in pictures if picture.file and not picture.is_public]
        if hidden:
            messages.warning(request, self.hidden_warning(hidden))
