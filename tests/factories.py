"""factory_boy factories for the site's models, one per model."""

import datetime
import io
import os

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from pypdf import PdfWriter


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


def blank_pdf(padding=0):
    """A real one-page PDF made with pypdf; `padding` bytes of attachment make it bigger."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_attachment("dane.bin", os.urandom(padding))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A published OSL programme with a title, lead and a paragraph; `with_cover=True` adds
    a public photo."""

    class Meta:
        model = "osl.Programme"

    title_pl = factory.Sequence(lambda n: f"Program {n}")
    slug_pl = factory.Sequence(lambda n: f"program-{n}")
    lead_pl = factory.Sequence(lambda n: f"Zajawka programu {n}.")
    body_pl = "<p>Opis programu.</p>"
    updated_on = datetime.date(2025, 3, 7)
    is_published = True
    order = factory.Sequence(lambda n: n)

    class Params:
        with_cover = factory.Trait(
            cover=factory.django.ImageField(width=640, height=480, color="olive"),
            cover_alt_pl="Mieszkańcy osiedla przy wspólnym stole",
            cover_shows_people=True,
            cover_consent=True,
        )


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "osl.Community"

    programme = factory.SubFactory(ProgrammeFactory)
    name_pl = factory.Sequence(lambda n: f"Mieszkańcy osiedla nr {n}")
    kind = "terytorialna"
    description_pl = "Bloki przy ul. Westerplatte."
    order = factory.Sequence(lambda n: n)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "osl.Goal"

    programme = factory.SubFactory(ProgrammeFactory)
    text_pl = factory.Sequence(lambda n: f"Cel numer {n}")
    order = factory.Sequence(lambda n: n)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "osl.Partner"

    programme = factory.SubFactory(ProgrammeFactory)
    name_pl = factory.Sequence(lambda n: f"Stowarzyszenie {n}")
    url = ""
    order = factory.Sequence(lambda n: n)


class MeetingPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "osl.MeetingPlace"

    programme = factory.SubFactory(ProgrammeFactory)
    place_pl = "Klub Senior+, ul. Gumniska 25"
    times_pl = "czwartki 15:30–17:00"
    order = factory.Sequence(lambda n: n)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A real PDF file; its size is stored as the admin form stores it."""

    class Meta:
        model = "osl.Document"

    programme = factory.SubFactory(ProgrammeFactory)
    title_pl = factory.Sequence(lambda n: f"Sprawozdanie nr {n}")
    file = factory.django.FileField(filename="plan.pdf", from_func=lambda: io.BytesIO(blank_pdf()))
    size = factory.LazyAttribute(lambda document: document.file.size)
    order = factory.Sequence(lambda n: n)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "osl.Source"

    programme = factory.SubFactory(ProgrammeFactory)
    text_pl = factory.Sequence(lambda n: f"Autor {n}, Tytuł książki; Warszawa 2014")
    order = factory.Sequence(lambda n: n)
