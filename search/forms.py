from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import words


class QueryField(forms.CharField):
    """What was typed, cleaned rather than refused: control characters out, cut to length."""

    def to_python(self, value):
        return words.clean_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(label=_("Szukaj w serwisie"), required=False)

    def clean_q(self):
        query = self.cleaned_data["q"]
        self.terms = words.query_terms(query)
        if query and not self.terms:
            raise ValidationError(
                _("Wpisz co najmniej 2 znaki – litery lub cyfry."), code="too_short"
            )
        return query
