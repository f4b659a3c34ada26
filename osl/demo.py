"""The old site's OSL introduction as the demo programme, word for word and with its footnote.

The seed stops after "Celami działań … będzie m.in.:": the list of goals that followed is not in
it, so the programme's goals are left for an editor to fill in rather than made up.
"""

from django.utils.html import escape

from cus_site.slugs import slugify_pl
from news.demo import CATEGORY
from news.models import Category

from .models import SLUG_LENGTH, Introduction, Programme, Source

TITLE = "Organizowanie społeczności lokalnej"

# The /osl/ introduction is the seed's first paragraph; these are faithful translations of it.
INTRODUCTION_EN = (
    "Local community organising helps to improve the quality of life of residents. It is not "
    "only about developing forms of social support that complement social services. OSL "
    "activities are directed first of all at the communities in the most difficult situation, "
    "i.e. those that are marginalised and at risk of social exclusion, but other communities "
    "may also be the recipients of these activities."
)
INTRODUCTION_UK = (
    "Організування місцевої громади сприяє підвищенню якості життя мешканців. Це не лише "
    "розвиток форм соціальної підтримки, яка доповнює соціальні послуги. Діяльність OSL "
    "спрямована насамперед на громади, що перебувають у найскладнішому становищі, тобто "
    "маргіналізовані та під загрозою соціального виключення, однак адресатами цієї діяльності "
    "можуть бути також інші громади."
)


def paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def first_sentence(paragraph):
    return paragraph.split(". ", 1)[0].removesuffix(".") + "."


def load_introduction(first_paragraph):
    _introduction, created = Introduction.objects.get_or_create(
        singleton=True,
        defaults={
            "body_pl": paragraphs(first_paragraph),
            "body_en": paragraphs(INTRODUCTION_EN),
            "body_uk": paragraphs(INTRODUCTION_UK),
        },
    )
    return created


def load_programme(introduction):
    programme, created = Programme.objects.get_or_create(
        slug_pl=slugify_pl(TITLE, SLUG_LENGTH),
        defaults={
            "title_pl": TITLE,
            "lead_pl": first_sentence(introduction.paragraphs[0]),
            "body_pl": paragraphs(*introduction.paragraphs),
            "updated_on": introduction.date,
            "news_category": Category.objects.filter(slug_pl=slugify_pl(CATEGORY)).first(),
            "is_published": True,
        },
    )
    if created:
        for number, note in enumerate(introduction.footnotes, start=1):
            Source.objects.create(programme=programme, text_pl=note, order=number)
    return created


def load(seed):
    added = [
        name
        for name, created in (
            ("wprowadzenie", load_introduction(seed.introduction.paragraphs[0])),
            ("program", load_programme(seed.introduction)),
        )
        if created
    ]
    return f"dodano: {', '.join(added)}" if added else "bez zmian"
