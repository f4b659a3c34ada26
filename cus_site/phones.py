"""Phone numbers: written as residents write them, dialled with the country code.

An editor types "14 688 26 30" or "+48 14 688 26 30"; the page shows what was typed and links
it as "tel:+48146882630", so a phone abroad or one set to another country dials Tarnów too.
A number without a country code is Polish (a leading 0 of the old trunk prefix is dropped);
"0048…" is read as "+48…".
"""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,22}$",
    _("Wpisz numer telefonu cyframi, np. „14 123 45 67” albo „+48 14 123 45 67”."),
)


def tel_href(number):
    """ "14 688 26 30" → "tel:+48146882630"."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not digits.startswith("+"):
        digits = "+48" + digits.removeprefix("0")
    return f"tel:{digits}"
