from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationStackedInline

from cus_site import revisions
from cus_site.admin import (
    CoverImageAdminMixin,
    DefaultSlugsForm,
    TranslatedEditorAdmin,
    VersionedAdmin,
    cover_fieldset,
    related_filter,
    visibility,
    with_photo_state,
)
from cus_site.kept_uploads import KeptUploadsMixin
from cus_site.permissions import CONTENT_EDITORS

from .models import Category, Post, PostAttachment, PostImage


@admin.register(Category)
class CategoryAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s kategoria", "%(counter)s kategorie", "counter")
    list_display = ["name", "slug"]
    search_fields = ["name_pl"]
    prepopulated_fields = {"slug": ["name"]}


def authors(current_author_id):
    """Whom a post may be signed by: the content editors (not every account, the superuser's
    included), and the post's current author, so an older post still saves unchanged."""
    editors = Q(groups__name=CONTENT_EDITORS, is_active=True)
    return (
        get_user_model()
        .objects.filter(editors | Q(pk=current_author_id))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def post_state(post, now=None):
    """A post's state in words: a draft, scheduled for a date, or published on one."""
    if post.status == Post.Status.DRAFT:
        return _("Szkic")
    when = timezone.localtime(post.published_at)
    if post.published_at > (now or timezone.now()):
        text = _("Zaplanowany na %(date)s") % {"date": formats.date_format(when, "j E Y, G:i")}
    else:
        text = _("Opublikowany %(date)s") % {"date": formats.date_format(when, "j E Y")}
    return with_photo_state(text, post.cover_picture)


def missing_a_translation(posts):
    """Posts whose title has no English or no Ukrainian version: residents reading in that
    language do not find them."""
    return posts.filter(
        Q(title_en="") | Q(title_en__isnull=True) | Q(title_uk="") | Q(title_uk__isnull=True)
    )


class TranslationFilter(admin.SimpleListFilter):
    title = _("wersje językowe")
    parameter_name = "tlumaczenie"
    MISSING = "brak"

    def lookups(self, request, model_admin):
        return [(self.MISSING, _("bez wersji angielskiej lub ukraińskiej"))]

    def queryset(self, request, queryset):
        if self.value() == self.MISSING:
            return missing_a_translation(queryset)
        return queryset


class PostImageInline(KeptUploadsMixin, TranslationStackedInline):
    model = PostImage
    extra = 0
    fields = [
        "image",
        "on_site",
        "alt",
        "decorative",
        "shows_people",
        "consent",
        "caption",
        "position",
    ]
    readonly_fields = ["on_site"]

    @admin.display(description=_("widoczne na stronie"))
    def on_site(self, image):
        return visibility(image.picture)


class PostAttachmentInline(KeptUploadsMixin, TranslationStackedInline):
    model = PostAttachment
    extra = 0
    fields = ["title", "file", "position"]


class PostAdminForm(DefaultSlugsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "author" in self.fields:
            self.fields["author"].queryset = authors(self.instance.author_id)

    def slug_from(self, title, language):
        with translation.override(language):
            return Post.objects.unique_slug(title, exclude_pk=self.instance.pk)


@admin.register(Post)
class PostAdmin(VersionedAdmin, CoverImageAdminMixin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s wpis", "%(counter)s wpisy", "counter")
    form = PostAdminForm
    list_display = ["title", "state", "category_names"]
    list_filter = [
        "status",
        ("categories", related_filter(_("bez kategorii"))),
        "published_at",
        TranslationFilter,
    ]
    search_fields = ["title_pl", "lead_pl", "title_en", "title_uk"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {
        Post.categories.field.__class__: {"widget": forms.CheckboxSelectMultiple}
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Publikacja"), {"fields": ["status", "published_at", "categories", "author"]}),
        cover_fieldset(),
    ]
    inlines = [PostImageInline, PostAttachmentInline]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def view_on_site(self, post):
        if post.is_public:
            return post.get_absolute_url()
        return reverse("news:preview", kwargs={"pk": post.pk})

    @admin.display(description=_("kategorie"))
    def category_names(self, post):
        return ", ".join(category.name for category in post.categories.all())

    @admin.display(description=_("stan"), ordering="published_at")
    def state(self, post):
        return post_state(post)

    def state_in_words(self, post):
        return post_state(post)

    def save_model(self, request, post, form, change):
        if post.author is None:
            post.author = request.user
        if "published_at" in form.changed_data:
            post.published_at_set = True
        was_draft = form.initial.get("status", Post.Status.DRAFT) == Post.Status.DRAFT
        if was_draft and post.status == Post.Status.PUBLISHED:
            post.status = Post.Status.DRAFT
            post.publish()
        super().save_model(request, post, form, change)

    def pictures(self, post):
        return [post.cover_picture, *(image.picture for image in post.images.all())]

    def hidden_warning(self, hidden):
        reasons = "; ".join(sorted({str(picture.why_hidden) for picture in hidden}))
        return _("Zdjęcia, które nie pojawią się na stronie: %(count)d (%(reasons)s).") % {
            "count": len(hidden),
            "reasons": reasons,
        }

    @admin.action(description=_("Opublikuj zaznaczone wpisy"), permissions=["change"])
    def publish(self, request, queryset):
        # One by one through save(), so that whatever follows a saved post (its photos' place,
        # the page cache, revisions) sees each.
        count = 0
        with revisions.by_action(request, _("Opublikowano z listy wpisów")):
            for post in queryset:
                post.publish()
                post.save()
                count += 1
        self.message_user(
            request,
            _(
                "Opublikowane wpisy: %(count)d. Wpis z datą w przyszłości pojawi się na stronie "
                "o tej dacie."
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Wycofaj zaznaczone wpisy do szkiców"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        with revisions.by_action(request, _("Wycofano do szkiców z listy wpisów")):
            for post in queryset:
                post.status = Post.Status.DRAFT
                post.save()
                count += 1
        self.message_user(
            request, _("Wpisy wycofane do szkiców: %(count)d.") % {"count": count}, messages.SUCCESS
        )
