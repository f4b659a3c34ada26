"""factory_boy factories for the site's models, one per model."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"redaktor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("hasło-testowe-123")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hours.Unit"

    short_name = factory.Sequence(lambda n: f"J{n}")
    order = factory.Sequence(lambda n: n)


class WeeklyHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hours.WeeklyHours"

    unit = factory.SubFactory(UnitFactory)
    weekday = 0
    opens = datetime.time(8, 0)
    closes = datetime.time(16, 0)


class SpecialDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hours.SpecialDay"

    unit = None
    date_from = datetime.date(2026, 12, 31)
    date_to = factory.LazyAttribute(lambda day: day.date_from)
    is_closed = True
    reason = "Inwentaryzacja"


class SpecialHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hours.SpecialHours"

    special_day = factory.SubFactory(SpecialDayFactory, is_closed=False)
    opens = datetime.time(8, 0)
    closes = datetime.time(12, 0)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Category"
        django_get_or_create = ("slug_pl",)

    name_pl = factory.Sequence(lambda n: f"Kategoria {n}")
    slug_pl = factory.Sequence(lambda n: f"kategoria-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    """A published post, an hour old; `with_cover=True` gives it a public photo."""

    class Meta:
        model = "news.Post"
        skip_postgeneration_save = True

    title_pl = factory.Sequence(lambda n: f"Wpis numer {n}")
    slug_pl = factory.Sequence(lambda n: f"wpis-numer-{n}")
    lead_pl = factory.Sequence(lambda n: f"Zajawka wpisu {n}.")
    status = "published"
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        with_cover = factory.Trait(
            cover=factory.django.ImageField(width=640, height=480, color="navy"),
            cover_alt_pl="Sala spotkań Centrum",
            cover_shows_people=False,
        )

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.add(*extracted)


class PostImageFactory(factory.django.DjangoModelFactory):
    """A gallery photo with its consent confirmed and alt text."""

    class Meta:
        model = "news.PostImage"

    post = factory.SubFactory(PostFactory)
    image = factory.django.ImageField(width=640, height=480, color="green")
    alt_pl = factory.Sequence(lambda n: f"Uczestnicy warsztatów, zdjęcie {n}")
    caption_pl = factory.Sequence(lambda n: f"Podpis zdjęcia {n}")
    shows_people = True
    consent = True
    position = factory.Sequence(lambda n: n)
