"""The centre's details, accessibility statement and fixed-address pages as demo content.

Only what the seed says is stated as fact: the centre's name and city, that it publishes news,
organises the local community (OSL) and has two units, CUS and BOM, with opening hours. What
is not known (street address, phone numbers, e-mails, ePUAP and e-Doręczenia addresses, BIP,
the data protection officer, the statement's dates and contact person) stays empty for the
editors to fill in, and the pages leave it out until then.

The seed has no pages of the tree either, so the demo makes only the skeleton residents expect
("O nas", "Jak możemy pomóc", "Druki do pobrania"), each saying that its content is being
prepared, and nothing under them.
"""

from django.conf import settings

from .models import AccessibilityStatement, NonAccessibleContent, Page, SiteSettings, TextPage

MAP_SEARCH_URL = (
    "https://www.openstreetmap.org/search?query="
    "Centrum%20Us%C5%82ug%20Spo%C5%82ecznych%2C%20Tarn%C3%B3w"
)

EASY_READ_BODY = """\
<h2>Kim jesteśmy</h2>
<p>Jesteśmy Centrum Usług Społecznych w Tarnowie.</p>
<p>W skrócie piszemy: CUS.</p>
<p>Pomagamy mieszkańcom Tarnowa.</p>
<h2>Co robimy</h2>
<p>Organizujemy społeczność lokalną.</p>
<p>W skrócie piszemy: OSL.</p>
<p>To znaczy, że razem z mieszkańcami robimy dobre rzeczy dla ich okolicy.</p>
<p>Organizujemy spotkania, warsztaty i wydarzenia.</p>
<p>Najpierw pomagamy tym, którym jest najtrudniej.</p>
<h2>Co jest na tej stronie internetowej</h2>
<ul>
<li><a href="/aktualnosci/">Aktualności</a>. Tu piszemy, co się u nas dzieje.</li>
<li><a href="/osl/">Organizowanie społeczności lokalnej</a>. Tu piszemy o OSL.</li>
<li><a href="/godziny-otwarcia/">Godziny otwarcia</a>. \
Tu sprawdzisz, kiedy możesz przyjść do CUS i do BOM.</li>
<li><a href="/kontakt/">Kontakt</a>. Tu są nasze dane kontaktowe.</li>
</ul>
<h2>Jak się z nami skontaktować</h2>
<p>Możesz do nas przyjść.</p>
<p>Możesz też do nas napisać.</p>
<p>Nasze dane kontaktowe są na stronie <a href="/kontakt/">Kontakt</a>.</p>
"""

SIGN_LANGUAGE_BODY = """\
<h2>Kontakt dla osób głuchych</h2>
<p>Możesz się z nami skontaktować pisemnie. Nasze dane kontaktowe znajdziesz na stronie \
<a href="/kontakt/">Kontakt</a>.</p>
<p>Informacje o działalności Centrum w prostym języku znajdziesz w \
<a href="/tekst-latwy-do-czytania/">tekście łatwym do czytania</a>.</p>
"""

PRIVACY_BODY = """\
<h2>Cele i podstawy prawne przetwarzania</h2>
<p>Przetwarzamy dane osobowe, aby wykonywać zadania Centrum, w szczególności:</p>
<ul>
<li>aby świadczyć usługi społeczne i udzielać wsparcia, do czego zobowiązują nas przepisy prawa \
(art. 6 ust. 1 lit. c i e RODO, a dane szczególnych kategorii, np. o zdrowiu – \
art. 9 ust. 2 lit. b, g i h RODO),</li>
<li>aby załatwiać sprawy i odpowiadać na pisma, z którymi się do nas zwracasz \
(art. 6 ust. 1 lit. c i e RODO),</li>
<li>aby organizować działania społeczności lokalnej, spotkania i warsztaty, w których \
bierzesz udział, a także publikować z nich zdjęcia – na podstawie Twojej zgody \
(art. 6 ust. 1 lit. a RODO).</li>
</ul>
<h2>Odbiorcy danych</h2>
<p>Twoje dane mogą otrzymać wyłącznie podmioty uprawnione na podstawie przepisów prawa oraz \
podmioty, które przetwarzają je w naszym imieniu na podstawie umowy, np. dostawcy usług \
informatycznych i pocztowych.</p>
<h2>Jak długo przechowujemy dane</h2>
<p>Przechowujemy dane przez czas potrzebny do załatwienia sprawy, a potem przez okres, \
który wynika z przepisów o archiwizacji dokumentów. Dane przetwarzane na podstawie zgody \
przechowujemy do czasu jej cofnięcia.</p>
<h2>Czy musisz podać dane</h2>
<p>Jeśli obowiązek podania danych wynika z przepisów, bez nich nie możemy załatwić sprawy. \
Podanie danych przetwarzanych na podstawie zgody jest dobrowolne.</p>
<h2>Zautomatyzowane decyzje</h2>
<p>Nie podejmujemy decyzji w sposób zautomatyzowany i nie profilujemy osób.</p>
"""

TEXT_PAGES = [
    {
        "slug": TextPage.Slug.EASY_READ,
        "title": "Tekst łatwy do czytania",
        "lead": "Informacje o Centrum Usług Społecznych w Tarnowie napisane prostym językiem.",
        "body": EASY_READ_BODY,
    },
    {
        "slug": TextPage.Slug.SIGN_LANGUAGE,
        "title": "Polski język migowy",
        "lead": "Informacje o działalności Centrum w polskim języku migowym (PJM).",
        "body": SIGN_LANGUAGE_BODY,
    },
    {
        "slug": TextPage.Slug.PRIVACY,
        "title": "Ochrona danych osobowych",
        "lead": (
            "Informacje o tym, jak Centrum Usług Społecznych w Tarnowie przetwarza dane "
            "osobowe, zgodnie z art. 13 i 14 RODO."
        ),
        "body": PRIVACY_BODY,
    },
]


IN_PREPARATION = {
    "lead_pl": "Treść tego działu jest w przygotowaniu.",
    "lead_en": "The content of this section is being prepared.",
    "lead_uk": "Зміст цього розділу готується.",
}
SECTIONS = [
    {
        "slug_pl": "o-nas",
        "slug_en": "about-us",
        "title_pl": "O nas",
        "title_en": "About us",
        "title_uk": "Про нас",
    },
    {
        "slug_pl": "jak-mozemy-pomoc",
        "slug_en": "how-we-can-help",
        "title_pl": "Jak możemy pomóc",
        "title_en": "How we can help",
        "title_uk": "Як ми можемо допомогти",
        "role": Page.Role.SERVICES,
    },
    {
        "slug_pl": "druki-do-pobrania",
        "slug_en": "forms-to-download",
        "title_pl": "Druki do pobrania",
        "title_en": "Forms to download",
        "title_uk": "Бланки для завантаження",
        "role": Page.Role.DOCUMENTS,
    },
]


def load_sections():
    added = 0
    for position, section in enumerate(SECTIONS, start=1):
        fields = {**section, **IN_PREPARATION, "is_published": True, "in_menu": True}
        slug = fields.pop("slug_pl")
        _, created = Page.objects.get_or_create(
            parent=None, slug_pl=slug, defaults={**fields, "position": position}
        )
        added += created
    return added


def load_site_settings():
    _, created = SiteSettings.objects.get_or_create(
        singleton=True, defaults={"city": "Tarnów", "map_url": MAP_SEARCH_URL}
    )
    return created


def load_statement():
    statement, created = AccessibilityStatement.objects.get_or_create(
        singleton=True,
        defaults={
            "site_url": settings.SITE_URL + "/",
            "status": AccessibilityStatement.Status.PARTIALLY_COMPLIANT,
        },
    )
    if created:
        NonAccessibleContent.objects.create(
            statement=statement,
            content="Informacja o działalności Centrum w polskim języku migowym",
            reason=(
                "Nagranie nie zostało jeszcze opublikowane. Informacje o działalności Centrum "
                "są dostępne w tekście łatwym do czytania."
            ),
        )
    return created


def load_text_pages():
    added = 0
    for page in TEXT_PAGES:
        _, created = TextPage.objects.get_or_create(
            slug=page["slug"],
            defaults={
                "title_pl": page["title"],
                "lead_pl": page["lead"],
                "body_pl": page["body"],
            },
        )
        added += created
    return added


def load(seed):
    added = []
    if load_site_settings():
        added.append("dane Centrum")
    if load_statement():
        added.append("deklaracja dostępności")
    if pages := load_text_pages():
        added.append(f"strony tekstowe: {pages}")
    if sections := load_sections():
        added.append(f"działy: {sections}")
    return "dodano: " + ", ".join(added) if added else "bez zmian"
