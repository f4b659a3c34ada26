"""factory_boy factories for the site's models, one per model."""

import datetime

import factory
from django.contrib.auth import get_user_model


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
