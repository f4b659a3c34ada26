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


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    """The centre's details, complete, as an editor would fill them in."""

    class Meta:
        model = "pages.SiteSettings"
        django_get_or_create = ("singleton",)

    singleton = True
    name_pl = "Centrum Usług Społecznych w Tarnowie"
    street_address = "ul. Testowa 1"
    postal_code = "33-100"
    city = "Tarnów"
    e_delivery_address = "AE:PL-12345-67890-ABCDE-12"
    epuap_address = "/CUSTarnow/SkrytkaESP"
    bip_url = "https://bip.example.org/cus"
    map_url = "https://www.openstreetmap.org/#map=18/50.0125/20.9880"
    data_protection_officer = "Anna Przykładowa"
    data_protection_email = "iod@example.org"


class ContactDetailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.ContactDetail"

    site_settings = factory.SubFactory(SiteSettingsFactory)
    kind = "telefon"
    label_pl = "Sekretariat"
    value = factory.Sequence(lambda n: f"14 600 00 {n % 100:02d}")
    position = factory.Sequence(lambda n: n)


class AccessibilityStatementFactory(factory.django.DjangoModelFactory):
    """A complete statement: every element the regulations ask for is filled in."""

    class Meta:
        model = "pages.AccessibilityStatement"
        django_get_or_create = ("singleton",)

    singleton = True
    entity_name_pl = "Centrum Usług Społecznych w Tarnowie"
    site_url = "https://cus.example.org/"
    published_on = datetime.date(2024, 3, 1)
    updated_on = datetime.date(2025, 9, 12)
    status = "czesciowo-zgodna"
    prepared_on = datetime.date(2025, 3, 28)
    method = "samoocena"
    contact_person = "Jan Kowalski"
    contact_email = "dostepnosc@example.org"
    contact_phone = "14 600 00 00"
    mobile_apps_pl = "Centrum nie udostępnia aplikacji mobilnych."


class NonAccessibleContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.NonAccessibleContent"

    statement = factory.SubFactory(AccessibilityStatementFactory)
    content_pl = factory.Sequence(lambda n: f"Skany dokumentów nr {n}")
    reason_pl = "Dokumenty opublikowano przed 23 września 2018 r."
    position = factory.Sequence(lambda n: n)


class BuildingAccessibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.BuildingAccessibility"

    statement = factory.SubFactory(AccessibilityStatementFactory)
    name_pl = factory.Sequence(lambda n: f"Budynek {n}")
    address = "ul. Testowa 1, 33-100 Tarnów"
    description_pl = "Wejście bez schodów. Toaleta dla osób z niepełnosprawnościami na parterze."
    position = factory.Sequence(lambda n: n)


class TextPageFactory(factory.django.DjangoModelFactory):
    """A published fixed-address page; pass `slug` (TextPage.Slug)."""

    class Meta:
        model = "pages.TextPage"
        django_get_or_create = ("slug",)

    slug = "tekst-latwy-do-czytania"
    title_pl = "Tekst łatwy do czytania"
    lead_pl = "Informacje o Centrum prostym językiem."
    body_pl = "<h2>Kim jesteśmy</h2><p>Jesteśmy Centrum Usług Społecznych.</p>"
    is_published = True


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


class PageFactory(factory.django.DjangoModelFactory):
    """A published page of the tree, top-level unless given a `parent`."""

    class Meta:
        model = "pages.Page"

    title_pl = factory.Sequence(lambda n: f"Strona {n}")
    slug_pl = factory.Sequence(lambda n: f"strona-{n}")
    lead_pl = factory.Sequence(lambda n: f"Wstęp strony {n}.")
    body_pl = "<p>Treść strony.</p>"
    is_published = True
    position = factory.Sequence(lambda n: n)


class ServiceStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.ServiceStep"

    page = factory.SubFactory(PageFactory)
    text_pl = factory.Sequence(lambda n: f"Krok numer {n}")
    position = factory.Sequence(lambda n: n)


class DocumentToBringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.DocumentToBring"

    page = factory.SubFactory(PageFactory)
    text_pl = "Dowód osobisty"
    position = factory.Sequence(lambda n: n)


class PageDocumentFactory(factory.django.DjangoModelFactory):
    """A real PDF attached to a page; its size is stored as the admin form stores it."""

    class Meta:
        model = "pages.Document"

    page = factory.SubFactory(PageFactory)
    title_pl = factory.Sequence(lambda n: f"Wniosek numer {n}")
    file = factory.django.FileField(
        filename="wniosek.pdf", from_func=lambda: io.BytesIO(blank_pdf())
    )
    size = factory.LazyAttribute(lambda document: document.file.size)
    position = factory.Sequence(lambda n: n)
