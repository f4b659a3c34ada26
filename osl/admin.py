from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import (
    TranslationStackedInline,
    TranslationTabularInline,
)

from cus_site.admin import (
    SECURE_LINKS,
    CoverImageAdminMixin,
    DefaultSlugsForm,
    TranslatedEditorAdmin,
    VersionedAdmin,
    cover_fieldset,
)
from cus_site.kept_uploads import KeptUploadsMixin
from cus_site.slugs import slugify_pl

from .models import (
    SLUG_LENGTH,
    Community,
    Document,
    Goal,
    Introduction,
    MeetingPlace,
    Partner,
    Programme,
    Source,
)


@admin.register(Introduction)
class IntroductionAdmin(VersionedAdmin, TranslatedEditorAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Introduction.objects.exists()


class CommunityInline(TranslationStackedInline):
    model = Community
    extra = 0
    fields = ["name", "kind", "description", "order"]


class GoalInline(TranslationTabularInline):
    model = Goal
    extra = 0
    fields = ["text", "order"]


class PartnerInline(TranslationTabularInline):
    model = Partner
    extra = 0
    fields = ["name", "url", "order"]
    formfield_overrides = SECURE_LINKS


class MeetingPlaceInline(TranslationTabularInline):
    model = MeetingPlace
    extra = 0
    fields = ["place", "times", "order"]


class DocumentInline(KeptUploadsMixin, TranslationTabularInline):
    model = Document
    extra = 0
    fields = ["title", "file", "order"]


class SourceInline(TranslationStackedInline):
    model = Source
    extra = 0
    fields = ["text", "url", "order"]
    formfield_overrides = SECURE_LINKS


class ProgrammeAdminForm(DefaultSlugsForm):
    def slug_from(self, title, language):
        return slugify_pl(title, SLUG_LENGTH)


@admin.register(Programme)
class ProgrammeAdmin(VersionedAdmin, CoverImageAdminMixin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s program", "%(counter)s programy", "counter")
    form = ProgrammeAdminForm
    list_display = ["title", "is_published", "updated_on", "order", "news_category"]
    list_filter = ["is_published", "news_category"]
    search_fields = ["title_pl", "lead_pl", "title_en", "title_uk"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["news_category"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "updated_on"]}),
        (_("Publikacja"), {"fields": ["is_published", "order", "news_category"]}),
        (_("Okres planu"), {"fields": ["plan_from", "plan_to"]}),
        (
            _("Kontakt z organizatorem"),
            {"fields": ["organiser_name", "organiser_role", "organiser_phone", "organiser_email"]},
        ),
        cover_fieldset(),
    ]
    inlines = [
        CommunityInline,
        GoalInline,
        MeetingPlaceInline,
        PartnerInline,
        DocumentInline,
        SourceInline,
    ]
